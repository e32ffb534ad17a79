import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';
import { bannerLine } from './banner.js';

/** The `extensions.impersonation` block of the contract, for the request's session. */
export function impersonationExtension(context: GatewayContext) {
  const session = context.access?.session;
  if (!session) return null;
  return {
    sessionId: session.id,
    agent: session.agent,
    user: session.user,
    account: session.account,
    mode: session.mode,
    expiresAt: session.expiresAt.toISOString(),
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    banner: bannerLine({ customerName: session.user.name, accountName: session.account.name, mode: session.mode, expiresAt: session.expiresAt }),
  };
}

function withImpersonationExtension(result: ExecutionResult, context: GatewayContext): ExecutionResult {
  const impersonation = impersonationExtension(context);
  return impersonation ? { ...result, extensions: { ...result.extensions, impersonation } } : result;
}

/** Every response during a session says who is acting as whom, so any frontend can show it. */
export function useImpersonationExtensions(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      if (!args.contextValue.access?.session) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult(withImpersonationExtension(result, args.contextValue));
        },
      };
    },
  };
}
