import { useId, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';

const PublishPolicy = graphql(`
  mutation ConsolePublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
      basedOn
    }
  }
`);

/** One rule as the page compares it: `class pii · customer`, `field User.name · staff`, … */
interface EditedRule {
  rule: string;
  before: string;
  after: string;
}

type Rules = Record<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document's rules, flattened to `rule → decision`; null when it is not a JSON object. */
function rulesOf(text: string): Rules | null {
  const parsed: unknown = JSON.parse(text);
  if (!isRecord(parsed)) return null;
  const rules: Rules = {};
  for (const [group, label] of [['classes', 'class'], ['overrides', 'field']] as const) {
    const entries = parsed[group];
    if (!isRecord(entries)) continue;
    for (const [name, columns] of Object.entries(entries)) {
      if (!isRecord(columns)) continue;
      for (const [column, decision] of Object.entries(columns)) rules[`${label} ${name} · ${column}`] = String(decision);
    }
  }
  rules['oncallMayImpersonate'] = String(parsed['oncallMayImpersonate']);
  return rules;
}

/**
 * What the draft changes, rule by rule as written. Whether a change loosens is the gateway's to
 * say (it is grant-aware, see docs/policy.md), and it says so when the version is published.
 */
function editedRules(active: string, draft: string): EditedRule[] {
  const before = rulesOf(active) ?? {};
  const after = rulesOf(draft);
  if (!after) throw new SyntaxError('The policy must be a JSON object, as in schema/policy.json.');
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((name) => before[name] !== after[name]).map((name) => ({ rule: name, before: before[name] ?? '(none)', after: after[name] ?? '(none)' }));
}

/**
 * The whole policy document to edit, then its changes to review, then publish with a reason.
 * A refusal is shown next to the document or the reason, and both stay as typed.
 */
export function PolicyEditor(props: { token: string; activeDocument: string; activeVersion: number; onPublished: (line: string) => void }) {
  const [draft, setDraft] = useState(props.activeDocument);
  const [reason, setReason] = useState('');
  const [review, setReview] = useState<EditedRule[] | null>(null);
  const [errors, setErrors] = useState<{ document?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const reviewChanges = () => {
    try {
      const edited = editedRules(props.activeDocument, draft);
      setErrors({});
      setReview(edited);
    } catch (failure) {
      setReview(null);
      setErrors({ document: `This is not valid JSON: ${failure instanceof Error ? failure.message : 'check the brackets and quotes'}.` });
    }
  };

  const publish = async () => {
    if (reason.trim().length === 0) return setErrors({ reason: 'Say why: the reason is kept with the version and in the audit trail.' });
    setBusy(true);
    setErrors({});
    try {
      const result = await runGraphQL(PublishPolicy, { input: { document: draft, reason: reason.trim() } }, { token: props.token });
      const published = result.data?.publishPolicy;
      if (published) {
        setReview(null);
        setReason('');
        const split = published.status === 'pending' && published.basedOn !== props.activeVersion ? ` Its tightening part is in force at once as version ${published.basedOn}.` : '';
        return props.onPublished(
          published.status === 'active' ? `Version ${published.version} is in force.` : `Version ${published.version} loosens the policy: it waits for a second security admin.${split}`,
        );
      }
      const message = result.errors[0]?.message ?? 'The policy was not published; try again.';
      setErrors(/reason/i.test(message) && !/document|policy|json/i.test(message) ? { reason: message } : { document: message });
    } catch (failure) {
      setErrors({ document: failureMessage(failure, 'The policy was not published; try again.') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Edit the policy</h2>
      <p className="hint">Tightening is in force at once; a version that loosens any rule waits for a second security admin (docs/policy.md).</p>
      <div className="field">
        <label htmlFor={`${id}-document`}>Policy document (JSON)</label>
        <textarea
          id={`${id}-document`}
          className="code"
          rows={18}
          spellCheck={false}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setReview(null);
          }}
          aria-invalid={errors.document ? true : undefined}
          aria-describedby={errors.document ? `${id}-document-error` : undefined}
        />
        {errors.document ? (
          <p id={`${id}-document-error`} className="field-error">
            {errors.document}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={reviewChanges}>
          Review changes
        </button>
      </div>
      {review ? (
        <div className="review" aria-live="polite">
          <h3>Changes against version {props.activeVersion}</h3>
          {review.length === 0 ? (
            <p>The draft changes no rule.</p>
          ) : (
            <ul>
              {review.map((change) => (
                <li key={change.rule}>
                  {change.rule}: {change.before} → {change.after}
                </li>
              ))}
            </ul>
          )}
          {review.length > 0 ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-reason`}>Why (kept with the version)</label>
                <input
                  id={`${id}-reason`}
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  aria-invalid={errors.reason ? true : undefined}
                  aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
                />
                {errors.reason ? (
                  <p id={`${id}-reason-error`} className="field-error">
                    {errors.reason}
                  </p>
                ) : null}
              </div>
              <button type="button" onClick={() => void publish()} disabled={busy}>
                Publish
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
