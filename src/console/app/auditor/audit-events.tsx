import { useEffect, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { AuditEventFilter, ConsoleAuditEventsQuery } from '../gql/graphql.js';

const AuditEvents = graphql(`
  query ConsoleAuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          occurredAt
          kind
          decision
          actorName
          actorId
          summary
        }
      }
      endCursor
      hasNextPage
    }
  }
`);

type AuditEventRow = ConsoleAuditEventsQuery['auditEvents']['edges'][number]['node'];

/** Events a page shows at once. */
const PAGE_SIZE = 10;

/**
 * Audit events matching a filter, newest first, a page at a time. The gateway pages forward by
 * cursor; going back re-asks with the cursor the earlier page was reached by. Give it a `key`
 * that changes with the filter, so a new filter starts again from the first page.
 */
export function AuditEventList(props: { token: string; filter: AuditEventFilter; caption: string; onProblem?: (message: string | null) => void }) {
  const { token, filter, onProblem } = props;
  // The cursors the pages shown so far were asked with: the first page's is null.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<{ rows: AuditEventRow[]; next: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const after = cursors[cursors.length - 1] ?? null;
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setPage(null);
    const report = (message: string | null) => {
      if (!current) return;
      setProblem(message);
      onProblem?.(message);
    };
    runGraphQL(AuditEvents, { filter: JSON.parse(filterKey) as AuditEventFilter, first: PAGE_SIZE, after }, { token })
      .then((result) => {
        if (!current) return;
        if (!result.data) return report(result.errors[0]?.message ?? 'The audit events could not be loaded; try again.');
        const connection = result.data.auditEvents;
        setPage({ rows: connection.edges.map((edge) => edge.node), next: connection.hasNextPage ? (connection.endCursor ?? null) : null });
        report(null);
      })
      .catch((failure: unknown) => report(failureMessage(failure, 'The audit events could not be loaded; try again.')));
    return () => {
      current = false;
    };
  }, [token, filterKey, after, onProblem]);

  return (
    <div>
      {/* Where the filters report it, it is shown there, beside what caused it. */}
      {problem && !onProblem ? <p className="field-error">{problem}</p> : null}
      {page === null && !problem ? <p role="status">Loading…</p> : null}
      {page?.rows.length === 0 ? <p>No events match.</p> : null}
      {page && page.rows.length > 0 ? (
        <table>
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Decision</th>
              <th scope="col">What happened</th>
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id}>
                <td>{new Date(row.occurredAt).toLocaleString()}</td>
                <td>{row.actorName ?? row.actorId ?? '—'}</td>
                <td>{row.decision ? <span className="badge">{row.decision}</span> : '—'}</td>
                <td>{row.summary}</td>
                <td className="muted">{row.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="actions">
        {cursors.length > 1 ? (
          <button type="button" className="secondary" onClick={() => setCursors((shown) => shown.slice(0, -1))}>
            Newer events
          </button>
        ) : null}
        {page?.next ? (
          <button type="button" className="secondary" onClick={() => setCursors((shown) => [...shown, page.next])}>
            Older events
          </button>
        ) : null}
        <span className="muted" aria-live="polite">
          Page {cursors.length}
        </span>
      </div>
    </div>
  );
}
