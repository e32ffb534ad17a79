import { useId, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import { NoteField } from '../shell/note-field.js';
import type { ConsolePolicyQuery } from '../gql/graphql.js';

const ApproveVersion = graphql(`
  mutation ConsoleApprovePolicyVersion($version: Int!, $note: String) {
    approvePolicyVersion(version: $version, note: $note) {
      version
      status
    }
  }
`);

const RejectVersion = graphql(`
  mutation ConsoleRejectPolicyVersion($version: Int!, $reason: String!) {
    rejectPolicyVersion(version: $version, reason: $reason) {
      version
      status
    }
  }
`);

const WithdrawVersion = graphql(`
  mutation ConsoleWithdrawPolicyVersion($version: Int!, $reason: String!) {
    withdrawPolicyVersion(version: $version, reason: $reason) {
      version
      status
    }
  }
`);

type PolicyVersion = ConsolePolicyQuery['policyVersions'][number];
type Decision = 'approve' | 'reject' | 'withdraw';

const DONE: Record<Decision, string> = { approve: 'approved: it is in force', reject: 'rejected', withdraw: 'withdrawn' };

/**
 * A version waiting for a second security admin, with the gateway's rule-by-rule diff. Its
 * author may only withdraw it; anyone else approves or rejects it.
 */
export function PendingVersion(props: { token: string; version: PolicyVersion; own: boolean; onDecided: (line: string) => void }) {
  const { version } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const decide = async (decision: Decision) => {
    const text = note.trim();
    if (decision !== 'approve' && text === '') return setError(decision === 'reject' ? 'Say why you reject it: its author reads it.' : 'Say why you withdraw it: it is kept in the audit trail.');
    setBusy(true);
    setError(null);
    try {
      const credentials = { token: props.token };
      const result =
        decision === 'approve'
          ? await runGraphQL(ApproveVersion, { version: version.version, note: text || null }, credentials)
          : decision === 'reject'
            ? await runGraphQL(RejectVersion, { version: version.version, reason: text }, credentials)
            : await runGraphQL(WithdrawVersion, { version: version.version, reason: text }, credentials);
      if (result.errors.length === 0) return props.onDecided(`Version ${version.version} ${DONE[decision]}.`);
      setError(result.errors[0]?.message ?? 'The decision was not recorded; try again.');
    } catch (failure) {
      setError(failureMessage(failure, 'The decision was not recorded; try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="request" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Version {version.version} (based on {version.basedOn}) · {version.reason}
      </h3>
      <p className="request-kind">
        Published {new Date(version.createdAt).toLocaleString()} by {version.createdBy ?? 'a deploy (schema/policy.json)'}
      </p>
      <ul>
        {version.changes.map((change) => (
          <li key={`${change.rule} ${change.column ?? ''}`}>
            <span className={`badge change-${change.direction}`}>{change.direction}</span> {change.rule}
            {change.column ? ` · ${change.column}` : ''}: {change.before} → {change.after}
          </li>
        ))}
      </ul>
      <NoteField label={props.own ? 'Why you withdraw it' : 'Note (required to reject)'} value={note} onChange={setNote} error={error} />
      <div className="actions">
        {props.own ? (
          <button type="button" className="danger" onClick={() => void decide('withdraw')} disabled={busy}>
            Withdraw
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void decide('approve')} disabled={busy}>
              Approve
            </button>
            <button type="button" className="danger" onClick={() => void decide('reject')} disabled={busy}>
              Reject
            </button>
          </>
        )}
      </div>
    </article>
  );
}
