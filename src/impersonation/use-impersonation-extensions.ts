import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';
import { bannerLine } from './banner.js';
import { IMPERSONATION_HEADER } from './resolve-session-access.js';
import { shownAs } from './shown-as.js';
import { nameFieldsOf } from '../policy/policy-catalog.js';
import { isSingleResult } from '../graphql/result-kinds.js';

/**
 * The `extensions.impersonation` block of the contract, for the request's session. Names are
 * shown as the policy in force shows the schema's name fields (`User.name` and `Account.name`
 * unless `wardenSchemaOf` names others) to this session (masked, or left out when denied), the
 * same as in the data.
 */
export function impersonationExtension(context: GatewayContext) {
  const session = context.access?.session;
  if (!session) return null;
  const names = nameFieldsOf(context.policyCatalog);
  const userName = shownAs(context, names.customer, session.user.name);
  const accountName = shownAs(context, names.account, session.account.name);
  return {
    sessionId: session.id,
    agent: session.agent,
    user: { id: session.user.id, name: userName },
    account: { id: session.account.id, name: accountName },
    mode: session.mode,
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    banner: bannerLine({
      customerName: userName ?? `customer ${session.user.id}`,
      accountName: accountName ?? `account ${session.account.id}`,
      mode: session.mode,
      expiresAt: session.expiresAt,
    }),
  };
}

export interface ImpersonationExtensionsOptions {
  /** The request's context: the one execution ran with, or the one authentication built for a request refused before it. */
  contextOf: (request: Request) => Promise<GatewayContext>;
}

/**
 * Every response during a session says who is acting as whom, so any frontend can show it:
 * also one refused before execution (a parse or validation error, a query limit, an unreadable
 * body, a batch), whose context authentication built like any other's — the same token check,
 * the same session check — so an invalid or foreign token never gets a banner. It runs where
 * every answer to a GraphQL request passes (`onResultProcess`), after the hooks that may still
 * replace the result (the refusal trail's AUDIT_UNAVAILABLE).
 */
export function useImpersonationExtensions(options: ImpersonationExtensionsOptions): Plugin {
  return {
    async onResultProcess({ request, result, setResult }) {
      if (!isSingleResult(result) || !request.headers.get(IMPERSONATION_HEADER)) return;
      const context = await options.contextOf(request).catch(() => null);
      const impersonation = context && impersonationExtension(context);
      if (impersonation) setResult(withExtension(result, impersonation));
    },
  };
}


function withExtension(result: ExecutionResult, impersonation: NonNullable<ReturnType<typeof impersonationExtension>>): ExecutionResult {
  return { ...result, extensions: { ...result.extensions, impersonation } };
}
