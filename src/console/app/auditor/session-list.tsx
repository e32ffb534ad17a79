import { useEffect, useId, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { ConsoleImpersonationSessionsQuery, ImpersonationSessionFilter } from '../gql/graphql.js';
import { AuditEventList } from './audit-events.js';

const ImpersonationSessions = graphql(`
  query ConsoleImpersonationSessions($filter: ImpersonationSessionFilter, $first: Int!) {
    impersonationSessions(filter: $filter, first: $first) {
      sessionId
      agentName
      userName
      accountName
      reason
      ticket
      status
      startedAt
      endedAt
      story
    }
  }
`);

type Timeline = ConsoleImpersonationSessionsQuery['impersonationSessions'][number];

const SESSIONS_SHOWN = 20;

/** Sessions matching the filters, newest first, each with its story and, on demand, its audit events. */
export function SessionList(props: { token: string; filter: ImpersonationSessionFilter }) {
  const { token, filter } = props;
  const [sessions, setSessions] = useState<Timeline[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let current = true;
    setSessions(null);
    runGraphQL(ImpersonationSessions, { filter: JSON.parse(filterKey) as ImpersonationSessionFilter, first: SESSIONS_SHOWN }, { token })
      .then((result) => {
        if (!current) return;
        if (result.data) {
          setSessions(result.data.impersonationSessions);
          setProblem(null);
        } else setProblem(result.errors[0]?.message ?? 'The sessions could not be loaded; try again.');
      })
      .catch((failure: unknown) => current && setProblem(failureMessage(failure, 'The sessions could not be loaded; try again.')));
    return () => {
      current = false;
    };
  }, [token, filterKey]);

  return (
    <>
      {problem ? <p className="field-error">{problem}</p> : null}
      {sessions === null && !problem ? <p role="status">Loading…</p> : null}
      {sessions?.length === 0 ? <p>No sessions match.</p> : null}
      <ol className="requests">
        {sessions?.map((session) => (
          <li key={session.sessionId}>
            <SessionCard token={token} session={session} />
          </li>
        ))}
      </ol>
    </>
  );
}

function SessionCard(props: { token: string; session: Timeline }) {
  const { session } = props;
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <article className="request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {session.agentName} as {session.userName} ({session.accountName}) · {session.ticket}
      </h3>
      <p className="request-kind">
        <span className="badge">{session.status}</span> {session.startedAt ? new Date(session.startedAt).toLocaleString() : 'not started'}
        {session.endedAt ? ` – ${new Date(session.endedAt).toLocaleTimeString()}` : ''}
      </p>
      <p>Reason: {session.reason}</p>
      <ol className="story">
        {session.story.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
      <button type="button" className="secondary" aria-expanded={open} aria-controls={`${id}-events`} onClick={() => setOpen((shown) => !shown)}>
        {open ? 'Hide audit events' : 'Show audit events'}
      </button>
      <div id={`${id}-events`}>{open ? <AuditEventList token={props.token} filter={{ session: session.sessionId }} caption={`Audit events of session ${session.sessionId}`} /> : null}</div>
    </article>
  );
}
