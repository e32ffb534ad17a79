import { useCallback, useEffect, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import type { SignedIn } from '../api/sign-in.js';
import { graphql } from '../gql/index.js';
import type { ConsoleAccessHistoryQuery, SupportAccess } from '../gql/graphql.js';
import { SupportAccessSetting } from './support-access-setting.js';

const AccessHistory = graphql(`
  query ConsoleAccessHistory($first: Int!, $after: String) {
    account {
      id
      name
      supportAccess
    }
    accessHistory(first: $first, after: $after) {
      edges {
        cursor
        node {
          sessionId
          agentName
          userName
          reason
          ticket
          mode
          startedAt
          endedAt
          howItEnded
          minutes
          changes
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

type Visit = ConsoleAccessHistoryQuery['accessHistory']['edges'][number]['node'];

const PAGE_SIZE = 10;

/**
 * The customer's page: every visit by support to their account (who, as whom, when, why, what
 * they changed), newest first, and the setting that says whether support may enter at all.
 */
export function AccessHistoryPage(props: { signedIn: SignedIn }) {
  const { token } = props.signedIn;
  const [account, setAccount] = useState<ConsoleAccessHistoryQuery['account'] | null>(null);
  const [visits, setVisits] = useState<Visit[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setBusy(true);
      try {
        const result = await runGraphQL(AccessHistory, { first: PAGE_SIZE, after }, { token });
        if (result.data) {
          const page = result.data.accessHistory;
          setAccount(result.data.account);
          setVisits((shown) => [...(after && shown ? shown : []), ...page.edges.map((edge) => edge.node)]);
          setNext(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
          setProblem(null);
        } else setProblem(result.errors[0]?.message ?? 'Your access history could not be loaded; try again.');
      } catch (failure) {
        setProblem(failureMessage(failure, 'Your access history could not be loaded; try again.'));
      } finally {
        setBusy(false);
      }
    },
    [token],
  );

  useEffect(() => void load(null), [load]);

  // A change of setting can end a visit going on: reload the list from the top.
  const onSaved = (value: SupportAccess) => {
    setAccount((shown) => (shown ? { ...shown, supportAccess: value } : shown));
    void load(null);
  };

  return (
    <>
      <h1>Support access{account ? ` to ${account.name}` : ''}</h1>
      {problem ? <p className="field-error">{problem}</p> : null}
      {account ? <SupportAccessSetting key={account.id} token={token} current={account.supportAccess} onSaved={onSaved} /> : null}
      <section aria-labelledby="history-heading">
        <div className="section-head">
          <h2 id="history-heading">Who from support entered</h2>
          <button type="button" className="secondary" onClick={() => void load(null)} disabled={busy}>
            Refresh
          </button>
        </div>
        {visits === null && !problem ? <p role="status">Loading…</p> : null}
        {visits?.length === 0 ? <p>Nobody from support has entered your account.</p> : null}
        <ol className="requests">
          {visits?.map((visit) => (
            <li key={visit.sessionId}>
              <VisitCard visit={visit} />
            </li>
          ))}
        </ol>
        {next ? (
          <button type="button" className="secondary" onClick={() => void load(next)} disabled={busy}>
            Show older visits
          </button>
        ) : null}
      </section>
    </>
  );
}

function VisitCard(props: { visit: Visit }) {
  const { visit } = props;
  return (
    <article className="request" aria-label={`Visit by ${visit.agentName} on ${new Date(visit.startedAt).toLocaleString()}`}>
      <p className="summary">
        {visit.agentName} entered as {visit.userName ?? 'a user of your account'} ({visit.mode === 'read_write' ? 'could make changes' : 'read only'})
      </p>
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>
            {new Date(visit.startedAt).toLocaleString()}
            {visit.minutes !== null && visit.minutes !== undefined ? `, ${visit.minutes} min` : ''}
          </dd>
        </div>
        <div>
          <dt>Why</dt>
          <dd>
            {visit.reason} (ticket {visit.ticket})
          </dd>
        </div>
        <div>
          <dt>How it ended</dt>
          <dd>{visit.howItEnded ?? 'It is still going on.'}</dd>
        </div>
        <div>
          <dt>What they changed</dt>
          <dd>{visit.changes.length === 0 ? 'Nothing.' : visit.changes.join('; ')}</dd>
        </div>
      </dl>
    </article>
  );
}
