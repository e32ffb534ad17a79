/** The customer a session is for, as the directory named them. */
export interface CustomerRef {
  userId: string;
  name: string | null;
  accountName: string;
}

/** Where the signed-in agent's impersonation stands, as this tab knows it. */
export type AgentSession =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'waiting'; sessionId: string; requestId: string | null; customer: CustomerRef | null; problem: string | null }
  | { kind: 'active'; sessionId: string; token: string; customer: CustomerRef | null }
  /** A session of this agent runs, but its token was collected elsewhere (another tab): it can only be ended. */
  | { kind: 'orphaned'; sessionId: string }
  | { kind: 'ended'; message: string };

type Stored = Extract<AgentSession, { kind: 'waiting' | 'active' }>;

const KEY = 'warden.console.session';

/** The session token is kept like the bearer: in this tab's sessionStorage, never longer. */
export function storeSession(session: AgentSession): void {
  if (session.kind === 'waiting' || session.kind === 'active') sessionStorage.setItem(KEY, JSON.stringify(session));
  else if (session.kind !== 'loading') sessionStorage.removeItem(KEY);
}

export function storedSession(): Stored | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Stored | null;
    return value && (value.kind === 'waiting' || value.kind === 'active') ? value : null;
  } catch {
    return null;
  }
}
