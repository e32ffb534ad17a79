import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { GatewayUnreachable, runGraphQL, type GraphQLErrorShape } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { SessionMode } from '../gql/graphql.js';
import type { DirectoryEntry } from './directory-search.js';

const StartSession = graphql(`
  mutation ConsoleStartSession($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      session {
        id
        status
      }
      token
      approvalRequest {
        id
        status
      }
    }
  }
`);

type Field = 'customer' | 'reason' | 'ticket' | 'mode' | 'minutes' | 'form';
type FieldErrors = Partial<Record<Field, string>>;

/** Where a refusal belongs: the gateway names the input (`extensions.field`); the code says the rest. */
function fieldOf(error: GraphQLErrorShape): Field {
  const named = error.extensions?.field;
  if (named === 'userId') return 'customer';
  if (named === 'reason' || named === 'ticket' || named === 'minutes') return named;
  if (error.extensions?.code === 'REASON_TOO_VAGUE') return 'reason';
  return 'form';
}

export interface Started {
  sessionId: string;
  token: string | null;
  requestId: string | null;
}

/**
 * The terms of a session: why (a specific reason), which ticket, read-only or read-write, how
 * long. A refusal is shown next to the field it is about, and everything typed stays.
 */
export function StartSessionForm(props: { token: string; customer: DirectoryEntry; onStarted: (started: Started) => void; onCancel: () => void }) {
  const { customer } = props;
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [mode, setMode] = useState<SessionMode>('read_only');
  const [minutes, setMinutes] = useState('30');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const length = Number(minutes);
    if (!Number.isInteger(length)) return setErrors({ minutes: 'Give the length in whole minutes.' });
    setBusy(true);
    setErrors({});
    try {
      const result = await runGraphQL(StartSession, { input: { userId: customer.userId, reason, ticket, mode, minutes: length } }, { token: props.token });
      const payload = result.data?.startImpersonation;
      if (payload) return props.onStarted({ sessionId: payload.session.id, token: payload.token ?? null, requestId: payload.approvalRequest?.id ?? null });
      const next: FieldErrors = {};
      for (const error of result.errors) next[fieldOf(error)] ??= error.message;
      if (Object.keys(next).length === 0) next.form = 'The gateway refused the start without saying why.';
      setErrors(next);
    } catch (failure) {
      setErrors({ form: failure instanceof GatewayUnreachable ? failure.message : 'Starting the session failed.' });
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: Field, hint?: string) => [errors[field] ? `${id}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: Field): ReactNode =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Start a session as {customer.name ?? customer.userId}</h2>
      <p className="customer-line" id={`${id}-customer`}>
        {customer.name ?? customer.userId} · {customer.accountName} · {customer.plan} plan
      </p>
      {errorOf('customer')}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <p className="hint" id={`${id}-reason-hint`}>
            What the customer reported and what you will check, e.g. “Customer reports invoice ACME-2026-012 shows 20% tax instead of 10%”.
          </p>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describedBy('reason', `${id}-reason-hint`)}
          />
          {errorOf('reason')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-ticket`}>Ticket</label>
          <input
            id={`${id}-ticket`}
            value={ticket}
            onChange={(event) => setTicket(event.target.value)}
            placeholder="SUP-1234"
            autoComplete="off"
            aria-invalid={errors.ticket ? true : undefined}
            aria-describedby={describedBy('ticket')}
          />
          {errorOf('ticket')}
        </div>
        <fieldset className="field" aria-describedby={describedBy('mode')}>
          <legend>Mode</legend>
          <label className="choice">
            <input type="radio" name={`${id}-mode`} value="read_only" checked={mode === 'read_only'} onChange={() => setMode('read_only')} /> Read-only (the default)
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-mode`} value="read_write" checked={mode === 'read_write'} onChange={() => setMode('read_write')} /> Read-write (a manager approves it first)
          </label>
          {errorOf('mode')}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Length in minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={15}
            max={60}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={describedBy('minutes', `${id}-minutes-hint`)}
          />
          <p className="hint" id={`${id}-minutes-hint`}>
            15 to 60.
          </p>
          {errorOf('minutes')}
        </div>
        {errorOf('form')}
        <div className="actions">
          <button type="submit" disabled={busy}>
            Start session
          </button>
          <button type="button" className="secondary" onClick={props.onCancel}>
            Choose another customer
          </button>
        </div>
      </form>
    </section>
  );
}
