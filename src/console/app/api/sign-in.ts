import { graphql } from '../gql/index.js';
import { errorWithCode, runGraphQL } from './graphql-client.js';

/**
 * Who is signed in to this tab. Tokens live in sessionStorage: readable only by this origin's
 * pages in this tab, gone when it closes, never in localStorage or a cookie another site's
 * request could carry.
 */
export interface SignedIn {
  token: string;
  id: string;
  name: string;
  kind: 'staff' | 'customer';
  roles: string[];
}

export interface DevPrincipal {
  who: string;
  id: string;
  name: string;
  kind: 'staff' | 'customer';
  roles: string[];
}

const SIGNED_IN = 'warden.console.signedIn';
const DEV_TOKEN_PATH = '/console/dev-token';

export function loadSignedIn(): SignedIn | null {
  const raw = sessionStorage.getItem(SIGNED_IN);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as SignedIn;
  } catch {
    sessionStorage.removeItem(SIGNED_IN);
    return null;
  }
}

export function saveSignedIn(signedIn: SignedIn): void {
  sessionStorage.setItem(SIGNED_IN, JSON.stringify(signedIn));
}

/** Forgets every token of this tab: the caller's and any session's. */
export function forgetAll(): void {
  sessionStorage.clear();
}

/** The demo people the gateway offers in development; null where it offers none (production). */
export async function listDevPrincipals(): Promise<DevPrincipal[] | null> {
  const response = await fetch(DEV_TOKEN_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' }).catch(() => null);
  if (!response?.ok || !response.headers.get('content-type')?.includes('json')) return null;
  const body = (await response.json().catch(() => null)) as { principals?: DevPrincipal[] } | null;
  return body?.principals ?? null;
}

/** A development token for a demo principal, minted by the gateway (development only). */
export async function devToken(who: string): Promise<string> {
  const response = await fetch(DEV_TOKEN_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-warden-csrf': '1' },
    body: JSON.stringify({ who }),
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => null)) as { token?: string; error?: string } | null;
  if (!response.ok || !body?.token) throw new Error(body?.error ?? `Signing in failed (${response.status}).`);
  return body.token;
}

/** Checks a token with the gateway (who it says the caller is, with the roles it agrees on). */
export async function signInWithToken(token: string): Promise<SignedIn> {
  const result = await runGraphQL(ViewerQuery, {}, { token });
  const viewer = result.data?.viewer;
  if (!viewer) {
    // The gateway's sentence says which: expired, not a JWT, another key, a missing claim, nobody it knows.
    const refused = errorWithCode(result.errors, 'UNAUTHENTICATED', 'IDENTITY_PROVIDER_UNAVAILABLE');
    throw new Error(refused ? `This token was not accepted. ${refused.message}` : (result.errors[0]?.message ?? 'The gateway did not say who this token is.'));
  }
  if (viewer.kind === 'assistant') {
    throw new Error("This token is an AI assistant's: the console is for people. An assistant calls the gateway's /graphql with its own token.");
  }
  return { token, id: viewer.id, name: viewer.name, kind: viewer.kind, roles: viewer.roles };
}

const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      id
      name
      kind
      roles
    }
  }
`);
