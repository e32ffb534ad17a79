import type { CheckpointScheme } from './checkpoint-signature.js';

/**
 * A seal: one signed statement naming the head of every audit chain, read in one snapshot, and
 * the time. It begins with its name, never a digit, so no seal passes for a single-chain
 * checkpoint (`seq:hash:signedAt`) nor a checkpoint for a seal:
 *
 *     warden-audit-seal-v1
 *     signed-at 2026-12-08T10:00:00.000Z
 *     0 1520 9f86d0…(64 hex)
 *     1 377 e3b0c4…(64 hex)
 *
 * one line per chain, in chain order.
 */
export const SEAL_FORMAT = 'warden-audit-seal-v1';

/** One chain's head as a seal names it. */
export interface SealedHead {
  chain: number;
  seq: string;
  hash: string;
}

export interface SealClaim {
  heads: SealedHead[];
  signedAt: Date;
}

/** A seal as published outside the database: a log line's `auditCheckpoint`, a checkpoint file line. */
export interface PublishedSeal {
  seal: typeof SEAL_FORMAT;
  heads: SealedHead[];
  signedAt: string;
  keyId: string;
  scheme: Exclude<CheckpointScheme, 'hmac-sha256-v1'>;
  signature: string;
}

const HEAD_LINE = /^(\d{1,2}) (\d{1,19}) ([0-9a-f]{64})$/;
const SIGNED_AT_LINE = /^signed-at (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/;

/** The exact text a seal's signature covers. */
export function sealStatement(claim: SealClaim): string {
  return [SEAL_FORMAT, `signed-at ${claim.signedAt.toISOString()}`, ...claim.heads.map((h) => `${h.chain} ${h.seq} ${h.hash}`)].join('\n');
}

/**
 * What a statement says, or null when it is not one `sealStatement` writes (chains in strictly
 * rising order, each once; at least one).
 */
export function parseSealStatement(statement: string): SealClaim | null {
  const [format, signedAtLine = '', ...lines] = statement.split('\n');
  const signedAt = SIGNED_AT_LINE.exec(signedAtLine)?.[1];
  if (format !== SEAL_FORMAT || !signedAt || lines.length === 0) return null;
  const heads: SealedHead[] = [];
  for (const line of lines) {
    const match = HEAD_LINE.exec(line);
    if (!match) return null;
    const chain = Number(match[1]);
    const previous = heads.at(-1);
    if (previous && chain <= previous.chain) return null;
    heads.push({ chain, seq: BigInt(match[2] ?? '').toString(), hash: match[3] ?? '' });
  }
  const claim = { heads, signedAt: new Date(signedAt) };
  // Only the canonical text: no second spelling of the same seal.
  return sealStatement(claim) === statement ? claim : null;
}

const HEADS_PATTERN = String.raw`\d{1,2}/\d{1,19}/[0-9a-f]{64}(?:,\d{1,2}/\d{1,19}/[0-9a-f]{64})*`;
const SEAL_TOKEN = new RegExp(String.raw`^seal:(?:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):)?(${HEADS_PATTERN})(?::([0-9a-f]+))?$`);

/**
 * `seal:SIGNED_AT:CHAIN/SEQ/HASH,…:SIGNATURE`: a seal as `audit:verify -- --expect` takes it
 * (the `expect` field of its log line). No colon inside the heads, so it reads back unambiguously.
 */
export function sealToken(seal: Pick<PublishedSeal, 'heads' | 'signedAt' | 'signature'>): string {
  return `seal:${seal.signedAt}:${seal.heads.map((h) => `${h.chain}/${h.seq}/${h.hash}`).join(',')}:${seal.signature}`;
}

/** A seal token read back: signed (time and signature) or bare (heads only, on the word of whoever kept it); null when it is not one. */
export function parseSealToken(text: string): { heads: SealedHead[]; signed?: { signedAt: Date; signature: string } } | null {
  const match = SEAL_TOKEN.exec(text.trim());
  if (!match) return null;
  const [, signedAt, headsText = '', signature] = match;
  if (Boolean(signedAt) !== Boolean(signature)) return null;
  const heads = headsText.split(',').map((part) => {
    const [chain = '', seq = '', hash = ''] = part.split('/');
    return { chain: Number(chain), seq: BigInt(seq).toString(), hash };
  });
  if (heads.some((head, i) => i > 0 && head.chain <= (heads[i - 1]?.chain ?? -1))) return null;
  return { heads, ...(signedAt && signature ? { signed: { signedAt: new Date(signedAt), signature } } : {}) };
}
