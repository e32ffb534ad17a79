import { SignJWT } from 'jose';
import type { StaffRole } from '../db/tables/staff.js';

export interface DevTokenSubject {
  sub: string;
  kind: 'staff' | 'customer' | 'ai_agent';
  name: string;
  roles?: readonly StaffRole[];
  /** For assistants (`ai_agent`). */
  vendor?: string;
  model?: string;
  /**
   * An RFC 8693 delegation: the actors acting for `sub`, outermost (the one calling) first;
   * written as nested `act` claims.
   */
  act?: readonly string[];
}

export interface MintOptions {
  /** Lifetime of the token. @default 8 hours */
  expiresInSeconds?: number;
  /** When the person last signed in; defaults to now. */
  authTime?: Date;
  /** The `iss` claim: pass `WARDEN_JWT_ISSUER` when set, or the gateway refuses the token. */
  issuer?: string | undefined;
  /** The `aud` claim: pass `WARDEN_JWT_AUDIENCE` when set, or the gateway refuses the token. */
  audience?: string | undefined;
}

/** Signs an HS256 token with the shared secret: for development, demos and tests only. */
export async function mintDevToken(
  secret: string,
  subject: DevTokenSubject,
  options: MintOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const authTime = Math.floor((options.authTime?.getTime() ?? Date.now()) / 1000);
  const jwt = new SignJWT({
    kind: subject.kind,
    roles: [...(subject.roles ?? [])],
    name: subject.name,
    auth_time: authTime,
    ...(subject.vendor !== undefined ? { vendor: subject.vendor } : {}),
    ...(subject.model !== undefined ? { model: subject.model } : {}),
    ...(subject.act && subject.act.length > 0 ? { act: nestedAct(subject.act) } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 8 * 3600));
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** `['bot', 'orchestrator']` → `{ sub: 'bot', act: { sub: 'orchestrator' } }`. */
function nestedAct(actors: readonly string[]): Record<string, unknown> {
  const [sub, ...rest] = actors;
  return rest.length > 0 ? { sub, act: nestedAct(rest) } : { sub };
}
