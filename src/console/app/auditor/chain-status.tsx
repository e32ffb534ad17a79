import { useCallback, useEffect, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { ConsoleAuditChainStatusQuery } from '../gql/graphql.js';

const AuditChainStatus = graphql(`
  query ConsoleAuditChainStatus {
    auditChainStatus {
      intact
      summary
      problems
      checkpointSeq
      checkpointSignedAt
      fromSeq
      headSeq
      rowsChecked
      checkedAt
      chains {
        chain
        checkpointSeq
        fromSeq
        headSeq
        rowsChecked
      }
    }
  }
`);

type Status = ConsoleAuditChainStatusQuery['auditChainStatus'];

const VERDICT = (intact: boolean | null | undefined) => (intact === true ? 'Verifies' : intact === false ? 'Does not verify' : 'Not checked');

/**
 * Whether the trail verifies, as the gateway checked it just now: from its newest signed
 * checkpoint to the head. The whole walk stays `npm run audit:verify`'s, which the page says.
 */
export function ChainStatusPanel(props: { token: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    setBusy(true);
    try {
      const result = await runGraphQL(AuditChainStatus, {}, { token: props.token });
      if (result.data) {
        setStatus(result.data.auditChainStatus);
        setProblem(null);
      } else setProblem(result.errors[0]?.message ?? 'The chain could not be checked; try again.');
    } catch (failure) {
      setProblem(failureMessage(failure, 'The chain could not be checked; try again.'));
    } finally {
      setBusy(false);
    }
  }, [props.token]);

  useEffect(() => void check(), [check]);

  return (
    <section className={`panel chain-status${status?.intact === false ? ' broken' : ''}`} aria-labelledby="chain-heading">
      <div className="section-head">
        <h2 id="chain-heading">Chain verification</h2>
        <button type="button" className="secondary" onClick={() => void check()} disabled={busy}>
          Check again
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      {status === null && !problem ? <p role="status">Checking…</p> : null}
      {status ? (
        <>
          <p role="status">
            <span className={`badge ${status.intact === false ? 'badge-broken' : status.intact ? 'badge-intact' : ''}`}>{VERDICT(status.intact)}</span> {status.summary}
          </p>
          {status.problems.length > 1 ? (
            <ul>
              {status.problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          <dl className="facts">
            <div>
              <dt>Signed checkpoint checked from</dt>
              <dd>{status.checkpointSeq ? `row ${status.checkpointSeq}${status.checkpointSignedAt ? `, signed ${new Date(status.checkpointSignedAt).toLocaleString()}` : ''}` : 'none yet: the whole chain was walked'}</dd>
            </div>
            <div>
              <dt>Rows checked</dt>
              <dd>{`${status.rowsChecked} (row ${status.fromSeq} to row ${status.headSeq})`}</dd>
            </div>
            <div>
              <dt>Checked at</dt>
              <dd>{new Date(status.checkedAt).toLocaleString()}</dd>
            </div>
          </dl>
          {status.chains.length > 1 ? (
            <table className="chains">
              <caption>Each chain, checked on its own (writers at once spread over several)</caption>
              <thead>
                <tr>
                  <th scope="col">Chain</th>
                  <th scope="col">Checked from</th>
                  <th scope="col">Rows checked</th>
                </tr>
              </thead>
              <tbody>
                {status.chains.map((chain) => (
                  <tr key={chain.chain}>
                    <th scope="row">{`Chain ${chain.chain}`}</th>
                    <td>{chain.checkpointSeq ? `signed row ${chain.checkpointSeq}` : 'its first row'}</td>
                    <td>{`${chain.rowsChecked} (row ${chain.fromSeq} to row ${chain.headSeq})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="hint">
            {status.checkpointSeq ? 'Rows before the checkpoint are vouched for by its signature. ' : ''}
            <code>npm run audit:verify</code> walks every row and compares the chain with the checkpoints kept outside the database.
          </p>
        </>
      ) : null}
    </section>
  );
}
