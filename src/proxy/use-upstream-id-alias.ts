import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';

/**
 * Refuses an alias `id` on another field of the upstream's types (`{ tenant { id: email } }`).
 * The upstream answers under the caller's response keys, and the audit trail takes each object's
 * id from its `id` key (the objects a field was read of); under such an alias that key holds the
 * other field's value, in clear, whatever the policy masks in the answer. Refused before anything
 * runs, as a validation error, so nothing is asked of the upstream and nothing of it is recorded.
 */
export function useUpstreamIdAlias(upstreamTypes: ReadonlySet<string>): Plugin<GatewayContext> {
  const rule: ValidationRule = (context) => ({
    Field(node) {
      if (node.alias?.value !== 'id' || node.name.value === 'id') return;
      const parent = context.getParentType();
      if (!parent || !upstreamTypes.has(parent.name)) return;
      context.reportError(
        new GraphQLError(
          `The alias "id" names ${parent.name}.${node.name.value} here; in front of an upstream, "id" is kept for each object's own id, which the audit trail records. Choose another alias.`,
          { nodes: node },
        ),
      );
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
