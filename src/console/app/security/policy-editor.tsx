import { useId, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import { graphql } from '../gql/index.js';
import type { ConsolePolicyPreviewQuery } from '../gql/graphql.js';

const PublishPolicy = graphql(`
  mutation ConsolePublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
      basedOn
    }
  }
`);

const PreviewPolicy = graphql(`
  query ConsolePolicyPreview($document: String!) {
    policyPreview(document: $document) {
      basedOn
      outcome
      changes {
        rule
        column
        before
        after
        direction
      }
    }
  }
`);

type Preview = ConsolePolicyPreviewQuery['policyPreview'];

/** What publishing would do, as the gateway worked it out. */
const OUTCOME: Record<Preview['outcome'], string> = {
  unchanged: 'The draft changes no rule: there is nothing to publish.',
  active: 'It only tightens: once published it is in force at once.',
  pending: 'It loosens the policy: once published it waits for a second security admin.',
  split: 'It tightens and loosens: once published the tightening is in force at once, and the loosening waits for a second security admin.',
};

/**
 * The whole policy document to edit, then its changes to review, as the gateway labels them
 * (loosens or tightens: it knows where a grant applies), then publish with a reason. Publish
 * appears only once the draft as it stands has been reviewed and changes something. A refusal
 * is shown next to the document or the reason, and both stay as typed.
 */
export function PolicyEditor(props: { token: string; activeDocument: string; activeVersion: number; onPublished: (line: string) => void }) {
  const [draft, setDraft] = useState(props.activeDocument);
  const [reason, setReason] = useState('');
  const [review, setReview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<{ document?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const reviewChanges = async () => {
    setBusy(true);
    setReview(null);
    try {
      const result = await runGraphQL(PreviewPolicy, { document: draft }, { token: props.token });
      if (result.data) {
        setErrors({});
        setReview(result.data.policyPreview);
      } else setErrors({ document: result.errors[0]?.message ?? 'The draft could not be checked; try again.' });
    } catch (failure) {
      setErrors({ document: failureMessage(failure, 'The draft could not be checked; try again.') });
    } finally {
      setBusy(false);
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
        <button type="button" className="secondary" onClick={() => void reviewChanges()} disabled={busy}>
          Review changes
        </button>
      </div>
      {review ? (
        <div className="review" aria-live="polite">
          <h3>Changes against version {review.basedOn}</h3>
          <p>{OUTCOME[review.outcome]}</p>
          {review.changes.length > 0 ? (
            <ul className="changes">
              {review.changes.map((change) => (
                <li key={`${change.rule} ${change.column ?? ''}`}>
                  <span className={`badge change-${change.direction}`}>{change.direction}</span> {change.rule}
                  {change.column ? ` · ${change.column}` : ''}: {change.before} → {change.after}
                </li>
              ))}
            </ul>
          ) : null}
          {review.changes.length > 0 ? (
            <>
              <div className="field">
                <label htmlFor={`${id}-reason`}>Why (kept with the version)</label>
                <input
                  id={`${id}-reason`}
                  value={reason}
                  onChange={(event) => {
                    setReason(event.target.value);
                    setErrors(({ reason: _answered, ...rest }) => rest);
                  }}
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
