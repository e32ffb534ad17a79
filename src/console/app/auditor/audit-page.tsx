import { useCallback, useState } from 'react';
import type { SignedIn } from '../api/sign-in.js';
import { AuditEventList } from './audit-events.js';
import { AuditExportPanel } from './audit-export.js';
import { ChainStatusPanel } from './chain-status.js';
import { AuditFilterForm, eventFilterOf, NO_FILTER, sessionFilterOf, type AuditFilterValues } from './audit-filter.js';
import { SessionList } from './session-list.js';

/**
 * The auditor's page: whether the chain verifies, then one set of filters for the sessions (each
 * with its story and events), the trail's events and the export.
 */
export function AuditPage(props: { signedIn: SignedIn }) {
  const { token } = props.signedIn;
  const [applied, setApplied] = useState<AuditFilterValues>(NO_FILTER);
  const [problem, setProblem] = useState<string | null>(null);
  const eventFilter = eventFilterOf(applied);
  const onProblem = useCallback((message: string | null) => setProblem(message), []);

  return (
    <>
      <h1>Audit trail</h1>
      <ChainStatusPanel token={token} />
      <AuditFilterForm onApply={setApplied} problem={problem} />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <SessionList token={token} filter={sessionFilterOf(applied)} />
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <AuditEventList key={JSON.stringify(eventFilter)} token={token} filter={eventFilter} caption="Audit events matching the filters" onProblem={onProblem} />
      </section>
      <AuditExportPanel token={token} filter={eventFilter} />
    </>
  );
}
