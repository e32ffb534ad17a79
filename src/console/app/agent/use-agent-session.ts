import { useCallback, useEffect, useRef, useState } from 'react';
import { errorWithCode, GatewayUnreachable, runGraphQL, type ImpersonationInfo } from '../api/graphql-client.js';
import type { SignedIn } from '../api/sign-in.js';
import { graphql } from '../gql/index.js';
import { storedSession, storeSession, type AgentSession, type CustomerRef } from './agent-session.js';

/** How often a start waiting for a manager asks whether it was decided. */
export const APPROVAL_POLL_MS = 2000;

const MyOpenSession = graphql(`
  query ConsoleMyOpenSession {
    myImpersonationSession {
      id
      status
      approvalRequestId
    }
  }
`);

const RequestStatus = graphql(`
  query ConsoleRequestStatus($id: ID!) {
    approvalRequest(id: $id) {
      id
      status
      decisionNote
    }
  }
`);

const ClaimSession = graphql(`
  mutation ConsoleClaimSession($sessionId: ID!) {
    claimImpersonation(sessionId: $sessionId) {
      session {
        id
        status
      }
      token
    }
  }
`);

const EndSession = graphql(`
  mutation ConsoleEndSession($sessionId: ID!) {
    endImpersonation(sessionId: $sessionId) {
      id
      status
    }
  }
`);

export interface AgentSessionControls {
  session: AgentSession;
  /** The newest `extensions.impersonation` the gateway sent: what the banner shows. */
  banner: ImpersonationInfo | null;
  observe: (info: ImpersonationInfo | null) => void;
  started: (result: { sessionId: string; token: string | null; requestId: string | null }, customer: CustomerRef) => void;
  end: () => Promise<void>;
  ended: (message: string) => void;
  dismiss: () => void;
}

/**
 * The agent's session, from the start to its end: resumed from the gateway on load (a reload
 * keeps it, a start waiting for a manager included), polled while it waits, collected once
 * approved, ended on request or when the gateway says it has ended.
 */
export function useAgentSession(signedIn: SignedIn | null): AgentSessionControls {
  const [session, setSessionState] = useState<AgentSession>({ kind: 'loading' });
  const [banner, setBanner] = useState<ImpersonationInfo | null>(null);
  const token = signedIn?.token ?? null;
  const setSession = useCallback((next: AgentSession) => {
    storeSession(next);
    if (next.kind !== 'active') setBanner(null);
    setSessionState(next);
  }, []);

  // Resume what the gateway says is open for this agent.
  useEffect(() => {
    if (!token) return;
    let current = true;
    void (async () => {
      const stored = storedSession();
      const result = await runGraphQL(MyOpenSession, {}, { token }).catch(() => null);
      if (!current) return;
      const open = result?.data?.myImpersonationSession;
      if (!result || (!open && result.errors.length > 0)) return setSession({ kind: 'none' });
      if (!open) return setSession(stored?.kind === 'active' ? { kind: 'ended', message: 'Your session has ended.' } : { kind: 'none' });
      const customer = stored?.sessionId === open.id ? stored.customer : null;
      if (open.status === 'active') {
        return setSession(stored?.kind === 'active' && stored.sessionId === open.id ? stored : { kind: 'orphaned', sessionId: open.id });
      }
      setSession({ kind: 'waiting', sessionId: open.id, requestId: open.approvalRequestId ?? null, customer, problem: null });
    })();
    return () => {
      current = false;
    };
  }, [token, setSession]);

  // While waiting: ask whether a manager decided; collect the token once approved.
  const waitingNow = session.kind === 'waiting' ? session : null;
  const latestWaiting = useRef(waitingNow);
  latestWaiting.current = waitingNow;
  const waitingFor = waitingNow ? `${waitingNow.sessionId} ${waitingNow.requestId ?? ''}` : null;
  const polling = useRef(false);
  useEffect(() => {
    if (!token || !waitingFor) return;
    const check = async () => {
      const waiting = latestWaiting.current;
      if (polling.current || !waiting) return;
      polling.current = true;
      try {
        const status = waiting.requestId ? (await runGraphQL(RequestStatus, { id: waiting.requestId }, { token })).data?.approvalRequest : null;
        if (status?.status === 'pending') return;
        if (status?.status === 'denied') return setSession({ kind: 'ended', message: `A manager denied the request${status.decisionNote ? `: “${status.decisionNote}”` : ''}. No session was opened.` });
        if (status?.status === 'expired') return setSession({ kind: 'ended', message: 'Nobody decided the request in time, so it lapsed. Start again if it is still needed.' });
        if (status?.status === 'withdrawn') return setSession({ kind: 'ended', message: 'The request was withdrawn.' });
        const claimed = await runGraphQL(ClaimSession, { sessionId: waiting.sessionId }, { token });
        const payload = claimed.data?.claimImpersonation;
        if (payload?.token) return setSession({ kind: 'active', sessionId: payload.session.id, token: payload.token, customer: waiting.customer });
        const error = claimed.errors[0];
        if (error?.extensions?.code === 'APPROVAL_REQUIRED') return;
        if (errorWithCode(claimed.errors, 'SESSION_EXPIRED', 'FORBIDDEN', 'NOT_FOUND')) return setSession({ kind: 'ended', message: error?.message ?? 'The session cannot be collected.' });
        setSession({ ...waiting, problem: error?.message ?? 'The session could not be collected.' });
      } catch (error) {
        setSession({ ...waiting, problem: error instanceof GatewayUnreachable ? error.message : 'Checking on the request failed; it is tried again shortly.' });
      } finally {
        polling.current = false;
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), APPROVAL_POLL_MS);
    return () => window.clearInterval(timer);
    // Keyed by the session waited for, not the state object: showing a problem must not restart the poll.
  }, [token, waitingFor, setSession]);

  const sessionId = session.kind === 'waiting' || session.kind === 'active' || session.kind === 'orphaned' ? session.sessionId : null;
  const end = useCallback(async () => {
    if (!token || !sessionId) return;
    const wasWaiting = session.kind === 'waiting';
    const result = await runGraphQL(EndSession, { sessionId }, { token });
    if (result.data?.endImpersonation) {
      setSession({ kind: 'ended', message: wasWaiting ? 'You withdrew the request. No session was opened.' : 'You ended the session. Its end is in the audit trail.' });
    } else {
      setSession({ kind: 'ended', message: result.errors[0]?.message ?? 'The session has ended.' });
    }
  }, [token, sessionId, session.kind, setSession]);

  return {
    session,
    banner,
    observe: useCallback((info) => setBanner(info), []),
    started: useCallback(
      (result, customer) =>
        setSession(result.token ? { kind: 'active', sessionId: result.sessionId, token: result.token, customer } : { kind: 'waiting', sessionId: result.sessionId, requestId: result.requestId, customer, problem: null }),
      [setSession],
    ),
    end,
    ended: useCallback((message: string) => setSession({ kind: 'ended', message }), [setSession]),
    dismiss: useCallback(() => setSession({ kind: 'none' }), [setSession]),
  };
}
