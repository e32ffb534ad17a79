import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';
import { bannerLine } from './banner.js';
import { IMPERSONATION_HEADER } from './resolve-session-access.js';
import { shownAs } from './shown-as.js';

/**
 * The `extensions.impersonation` block of the contract, for the request's session. Names are
 * shown as the policy in force shows `User.name` and `Account.name` to this session (masked,
 * or left out when denied), the same as in the data.
 */
function impersonationExtension(context: GatewayContext) {
  const session = context.access?.session;
  if (!session) return null;
  const userName = shownAs(context, 'User.name', session.user.name);
  const accountName = shownAs(context, 'Account.name', session.account.name);
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
  /** The request's context: the one execution ran with, or built now for a request refused before it. */
  contextOf: (request: Request) => Promise<GatewayContext>;
}

/**
 * Every response during a session says who is acting as whom, so any frontend can show it:
 * also one refused before execution (a parse or validation error, a query limit), whose
 * context is then built from the request like any other — the same authentication, the same
 * session check — so an invalid or foreign token never gets a banner.
 */
export function useImpersonationExtensions(options: ImpersonationExtensionsOptions): Plugin<GatewayContext> {
  return {
    async onExecutionResult({ request, result, setResult }) {
      if (!result || Symbol.asyncIterator in result || !request.headers.get(IMPERSONATION_HEADER)) return;
      const context = await options.contextOf(request).catch(() => null);
      const impersonation = context && impersonationExtension(context);
      if (impersonation) setResult(withExtension(result, impersonation));
    },
  };
}

function withExtension(result: ExecutionResult, impersonation: NonNullable<ReturnType<typeof impersonationExtension>>): ExecutionResult {
  return { ...result, extensions: { ...result.extensions, impersonation } };
}
