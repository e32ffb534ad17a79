import { useCallback, useEffect, useState } from 'react';
import { failureMessage, runGraphQL } from '../api/graphql-client.js';
import type { SignedIn } from '../api/sign-in.js';
import { graphql } from '../gql/index.js';
import type { ConsolePolicyQuery } from '../gql/graphql.js';
import { FieldInventory } from './field-inventory.js';
import { PendingVersion } from './pending-version.js';
import { PolicyEditor } from './policy-editor.js';

const Policy = graphql(`
  query ConsolePolicy {
    activePolicy {
      version
      reason
      document
      createdAt
    }
    policyVersions(first: 20) {
      version
      basedOn
      status
      reason
      createdBy
      createdAt
      changes {
        rule
        column
        before
        after
        direction
      }
    }
    policyFields {
      field
      classification
      mask
      customer
      staff
      impersonationReadOnly
      impersonationReadWrite
    }
  }
`);

/** The security admin's page: the policy in force, the editor, versions waiting, the inventory. */
export function PolicyPage(props: { signedIn: SignedIn }) {
  const { token, id: me } = props.signedIn;
  const [policy, setPolicy] = useState<ConsolePolicyQuery | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [lines, setLines] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      const result = await runGraphQL(Policy, {}, { token });
      if (result.data) {
        setPolicy(result.data);
        setProblem(null);
      } else setProblem(result.errors[0]?.message ?? 'The policy could not be loaded; try again.');
    } catch (failure) {
      setProblem(failureMessage(failure, 'The policy could not be loaded; try again.'));
    }
  }, [token]);

  useEffect(() => void load(), [load]);

  const onChanged = (line: string) => {
    setLines((shown) => [line, ...shown].slice(0, 5));
    void load();
  };

  const pending = policy?.policyVersions.filter((version) => version.status === 'pending') ?? [];
  return (
    <>
      <h1>Field policy</h1>
      <div aria-live="polite">
        {lines.map((line) => (
          <p key={line} className="notice">
            {line}
          </p>
        ))}
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      {policy === null && !problem ? <p role="status">Loading…</p> : null}
      {policy ? (
        <>
          <p className="summary">
            In force: version {policy.activePolicy.version}, {policy.activePolicy.reason}
          </p>
          <PolicyEditor key={policy.activePolicy.version} token={token} activeDocument={policy.activePolicy.document} activeVersion={policy.activePolicy.version} onPublished={onChanged} />
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading">Waiting for a second security admin</h2>
            {pending.length === 0 ? <p>No version waits.</p> : null}
            <ol className="requests">
              {pending.map((version) => (
                <li key={version.version}>
                  <PendingVersion token={token} version={version} own={version.createdBy === me} onDecided={onChanged} />
                </li>
              ))}
            </ol>
          </section>
          <FieldInventory fields={policy.policyFields} />
        </>
      ) : null}
    </>
  );
}
