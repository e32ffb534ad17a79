import { useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { AuditEventFilter, AuditExportFormat } from '../gql/graphql.js';

const AuditExport = graphql(`
  query ConsoleAuditExport($filter: AuditEventFilter, $format: AuditExportFormat!) {
    auditExport(filter: $filter, format: $format) {
      content
      events
      truncated
    }
  }
`);

const FILES: Record<AuditExportFormat, { extension: string; type: string }> = {
  CSV: { extension: 'csv', type: 'text/csv' },
  JSONL: { extension: 'jsonl', type: 'application/jsonl' },
};

/** Saves the content as a file: the page builds it, so no second request (and no token in a URL). */
function save(content: string, format: AuditExportFormat): void {
  const url = URL.createObjectURL(new Blob([content], { type: FILES[format].type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.${FILES[format].extension}`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The filtered events as a file, with a word on how many it holds and whether it was cut short. */
export function AuditExportPanel(props: { token: string; filter: AuditEventFilter }) {
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (format: AuditExportFormat) => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      const result = await runGraphQL(AuditExport, { filter: props.filter, format }, { token: props.token });
      const exported = result.data?.auditExport;
      if (!exported) return setProblem(result.errors[0]?.message ?? 'The export was not made; try again.');
      save(exported.content, format);
      setNote(`${exported.events} events exported as ${format}.${exported.truncated ? ' More matched than one file holds: only the newest are in it; narrow the time range for the rest.' : ''}`);
    } catch (failure) {
      setProblem(failureMessage(failure, 'The export was not made; try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="hint">The events matching the filters above, newest first; values are masked as in the trail.</p>
      <div className="actions">
        <button type="button" onClick={() => void download('CSV')} disabled={busy}>
          Download CSV
        </button>
        <button type="button" onClick={() => void download('JSONL')} disabled={busy}>
          Download JSON Lines
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      <div aria-live="polite">{note ? <p className="notice">{note}</p> : null}</div>
    </section>
  );
}
