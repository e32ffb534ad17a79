import { useCallback, useEffect, useId, useState } from 'react';
import { GatewayUnreachable, runGraphQL } from '../api/graphql-client.js';
import { NoteField } from '../shell/note-field.js';
import type { SignedIn } from '../api/sign-in.js';
import { graphql } from '../gql/index.js';
import type { ConsolePendingApprovalsQuery } from '../gql/graphql.js';

const PendingApprovals = graphql(`
  query ConsolePendingApprovals {
    pendingApprovals(first: 50) {
      id
      kind
      summary
      requesterId
      createdAt
      expiresAt
    }
  }
`);

const Approve = graphql(`
  mutation ConsoleApproveRequest($id: ID!, $note: String) {
    approveRequest(id: $id, note: $note) {
      id
      status
    }
  }
`);

const Deny = graphql(`
  mutation ConsoleDenyRequest($id: ID!, $reason: String!) {
    denyRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

type Request = ConsolePendingApprovalsQuery['pendingApprovals'][number];

/** How often the queue looks for new requests. */
const QUEUE_POLL_MS = 5000;

const KIND_LABELS: Record<Request['kind'], string> = {
  session_start: 'Session start',
  mutation: 'Change',
  field_access: 'Sensitive fields',
};

/**
 * The manager's queue: each request in the words of its summary (who asks, what approving it
 * would do, as whom, the ticket and the reason), oldest first, to approve or deny with a note.
 * One's own requests are listed but cannot be decided: another manager must.
 */
export function ApprovalsPage(props: { signedIn: SignedIn }) {
  const { token, id: me } = props.signedIn;
  const [requests, setRequests] = useState<Request[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [decided, setDecided] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      const result = await runGraphQL(PendingApprovals, {}, { token });
      if (result.data) {
        setRequests(result.data.pendingApprovals);
        setProblem(null);
      } else setProblem(result.errors[0]?.message ?? 'The queue could not be loaded.');
    } catch (failure) {
      setProblem(failure instanceof GatewayUnreachable ? failure.message : 'The queue could not be loaded.');
    }
  }, [token]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), QUEUE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const onDecided = (line: string) => {
    setDecided((lines) => [line, ...lines].slice(0, 5));
    void load();
  };

  return (
    <>
      <h1>Approvals</h1>
      <div aria-live="polite">
        {decided.map((line) => (
          <p key={line} className="notice">
            {line}
          </p>
        ))}
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      {requests === null && !problem ? <p role="status">Loading…</p> : null}
      {requests?.length === 0 ? <p>Nothing waits for a decision.</p> : null}
      <ol className="requests">
        {requests?.map((request) => (
          <li key={request.id}>
            <RequestCard request={request} token={token} own={request.requesterId === me} onDecided={onDecided} />
          </li>
        ))}
      </ol>
    </>
  );
}

function RequestCard(props: { request: Request; token: string; own: boolean; onDecided: (line: string) => void }) {
  const { request, token } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const decide = async (decision: 'approve' | 'deny') => {
    if (decision === 'deny' && note.trim() === '') return setError('Say why you deny it: the agent reads your note.');
    setBusy(true);
    setError(null);
    try {
      const result = decision === 'approve' ? await runGraphQL(Approve, { id: request.id, note: note.trim() || null }, { token }) : await runGraphQL(Deny, { id: request.id, reason: note.trim() }, { token });
      if (result.errors.length === 0) return props.onDecided(`${decision === 'approve' ? 'Approved' : 'Denied'}: ${request.summary}`);
      setError(result.errors[0]?.message ?? 'The decision was not recorded.');
    } catch (failure) {
      setError(failure instanceof GatewayUnreachable ? failure.message : 'The decision was not recorded.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="request" aria-labelledby={`${id}-summary`}>
      <p className="request-kind">
        <span className="badge">{KIND_LABELS[request.kind]}</span> asked {new Date(request.createdAt).toLocaleString()} · lapses {new Date(request.expiresAt).toLocaleTimeString()}
      </p>
      <p id={`${id}-summary`} className="summary">
        {request.summary}
      </p>
      {props.own ? (
        <p className="own">Your own request: another manager decides it.</p>
      ) : (
        <div className="decision">
          <NoteField label="Note to the agent (required to deny)" value={note} onChange={setNote} error={error} />
          <div className="actions">
            <button type="button" onClick={() => void decide('approve')} disabled={busy}>
              Approve
            </button>
            <button type="button" className="danger" onClick={() => void decide('deny')} disabled={busy}>
              Deny
            </button>
          </div>
        </div>
      )}
    </article>
  );
}
