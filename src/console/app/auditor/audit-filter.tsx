import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { AuditEventFilter, ImpersonationSessionFilter } from '../gql/graphql.js';

/** The filters as typed: kept as they are when a search is refused, so nothing is lost. */
export interface AuditFilterValues {
  agent: string;
  account: string;
  decision: string;
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilterValues = { agent: '', account: '', decision: '', from: '', to: '' };

const DECISIONS = ['allowed', 'masked', 'denied', 'refused'];

/** `datetime-local` values are in the browser's time zone; the gateway wants an instant. */
function instant(local: string): string | null {
  return local ? new Date(local).toISOString() : null;
}

export function eventFilterOf(values: AuditFilterValues): AuditEventFilter {
  return {
    actor: values.agent.trim() || null,
    account: values.account.trim() || null,
    decisions: values.decision ? [values.decision] : null,
    from: instant(values.from),
    to: instant(values.to),
  };
}

export function sessionFilterOf(values: AuditFilterValues): ImpersonationSessionFilter {
  return { agent: values.agent.trim() || null, account: values.account.trim() || null, from: instant(values.from), to: instant(values.to) };
}

/** What is wrong with the filters before asking the gateway, per field; empty when nothing is. */
function problemsOf(values: AuditFilterValues): Partial<Record<keyof AuditFilterValues, string>> {
  if (values.from && values.to && new Date(values.to) <= new Date(values.from)) return { to: 'Pick an end after the start, or leave one of them empty.' };
  return {};
}

/** The auditor's filters: who acted, which account, what was decided, and when. */
export function AuditFilterForm(props: { onApply: (values: AuditFilterValues) => void; problem: string | null }) {
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTER);
  const [problems, setProblems] = useState<Partial<Record<keyof AuditFilterValues, string>>>({});
  const id = useId();
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(values);
    setProblems(found);
    if (Object.keys(found).length === 0) props.onApply(values);
  };

  const field = (key: keyof AuditFilterValues, label: string, input: ReactElement) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {problems[key] ? (
        <p id={`${id}-${key}-error`} className="field-error">
          {problems[key]}
        </p>
      ) : null}
    </div>
  );
  const described = (key: keyof AuditFilterValues) => (problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {});

  return (
    <form className="panel filters" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Filters</h2>
      <div className="filter-grid">
        {field('agent', 'Agent (staff id, e.g. stf_sarah)', <input id={`${id}-agent`} value={values.agent} onChange={set('agent')} {...described('agent')} />)}
        {field('account', 'Account (id, e.g. acc_acme)', <input id={`${id}-account`} value={values.account} onChange={set('account')} {...described('account')} />)}
        {field(
          'decision',
          'Decision (events only)',
          <select id={`${id}-decision`} value={values.decision} onChange={set('decision')}>
            <option value="">Any</option>
            {DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {decision}
              </option>
            ))}
          </select>,
        )}
        {field('from', 'From', <input id={`${id}-from`} type="datetime-local" value={values.from} onChange={set('from')} {...described('from')} />)}
        {field('to', 'To', <input id={`${id}-to`} type="datetime-local" value={values.to} onChange={set('to')} {...described('to')} />)}
      </div>
      {props.problem ? <p className="field-error">{props.problem}</p> : null}
      <div className="actions">
        <button type="submit">Apply filters</button>
      </div>
    </form>
  );
}
