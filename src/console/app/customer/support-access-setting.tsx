import { useId, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { SupportAccess } from '../gql/graphql.js';

const SetSupportAccess = graphql(`
  mutation ConsoleSetSupportAccess($value: SupportAccess!) {
    setSupportAccess(value: $value) {
      id
      supportAccess
    }
  }
`);

const CHOICES: Array<{ value: SupportAccess; label: string; hint: string }> = [
  { value: 'allow', label: 'Allow', hint: 'Support may enter under the normal rules, and every visit is listed below.' },
  { value: 'ask_first', label: 'Ask first', hint: "A support manager must approve each visit before it starts." },
  { value: 'never', label: 'Never', hint: 'Support may not enter; a visit going on now ends at once.' },
];

/**
 * Whether support may enter the account. Owners and admins change it; anyone else is told so
 * next to the choice, which stays as they picked it.
 */
export function SupportAccessSetting(props: { token: string; current: SupportAccess; onSaved: (value: SupportAccess) => void }) {
  const [choice, setChoice] = useState<SupportAccess>(props.current);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const result = await runGraphQL(SetSupportAccess, { value: choice }, { token: props.token });
      const value = result.data?.setSupportAccess.supportAccess;
      if (value) {
        setSaved(`Saved: support access is now “${CHOICES.find((c) => c.value === value)?.label ?? value}”.`);
        props.onSaved(value);
      } else setError(result.errors[0]?.message ?? 'The setting was not saved; try again.');
    } catch (failure) {
      setError(failureMessage(failure, 'The setting was not saved; try again.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Support access</h2>
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend>May support staff enter your account?</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="choice">
            <input type="radio" name={`${id}-access`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} /> <strong>{c.label}</strong>: {c.hint}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div aria-live="polite">{saved ? <p className="notice">{saved}</p> : null}</div>
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={busy || choice === props.current}>
          Save support access
        </button>
      </div>
    </section>
  );
}
