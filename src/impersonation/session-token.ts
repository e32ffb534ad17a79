import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'wimp_';

/** 256 random bits; the prefix lets secret scanners recognise a leaked token. */
export function mintSessionToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Only this is stored: a database leak reveals no usable token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeSessionToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= PREFIX.length + 43 && value.length <= 200;
}
