import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { CheckpointSigner, CheckpointVerifier } from '../checkpoint-signature.js';

export const SEGMENT_FORMAT = 'warden-audit-segment-v1';

/**
 * The last line of a segment: which rows it holds, the digest of the lines before it, and a
 * signature over all of that with the checkpoint key (or WARDEN_AUDIT_STREAM_SEGMENT_KEY).
 */
export interface SegmentSeal {
  format: typeof SEGMENT_FORMAT;
  chain: string;
  firstSeq: string;
  lastSeq: string;
  count: number;
  /** The hash of the row before the first: the link to the previous segment. */
  firstPrevHash: string;
  lastHash: string;
  /** SHA-256 of the event lines, newlines included: every byte before the seal. */
  eventsSha256: string;
  sealedAt: string;
  keyId: string;
  scheme: string;
  signature: string;
}

export type UnsignedSeal = Omit<SegmentSeal, 'format' | 'keyId' | 'scheme' | 'signature' | 'eventsSha256'>;

/** What the signature covers: the seal's name and every other field, canonically. */
function statementOf(seal: Omit<SegmentSeal, 'signature'>): string {
  return `${SEGMENT_FORMAT}\n${canonicalJson(seal)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sealSegment(eventLines: string, fields: UnsignedSeal, signer: CheckpointSigner): SegmentSeal {
  const unsigned = { format: SEGMENT_FORMAT, ...fields, eventsSha256: sha256Hex(eventLines), keyId: signer.keyId, scheme: signer.scheme } as const;
  return { ...unsigned, signature: signer.signStatement(statementOf(unsigned)) };
}

/** `unknown-key`: signed with a key not given; `bad-signature`: altered or forged. */
export function checkSealSignature(seal: SegmentSeal, verifiers: readonly CheckpointVerifier[]): 'ok' | 'unknown-key' | 'bad-signature' {
  const { signature, ...unsigned } = seal;
  const candidates = verifiers.filter((v) => v.keyId === seal.keyId);
  if (candidates.length === 0) return 'unknown-key';
  return candidates.some((v) => v.verifyStatement(seal.scheme, statementOf(unsigned), signature)) ? 'ok' : 'bad-signature';
}

/** `warden-audit-default-00000000000000000001-00000000000000000500.jsonl`: names sort in chain order. */
export function segmentFileName(chain: string, firstSeq: string, lastSeq: string): string {
  return `warden-audit-${chain}-${firstSeq.padStart(20, '0')}-${lastSeq.padStart(20, '0')}.jsonl`;
}

export const SEGMENT_FILE = /^warden-audit-([a-z0-9_-]+)-(\d{20})-(\d{20})\.jsonl$/;

/** A seal read back from a file; null when the line is not one. */
export function parseSeal(line: string): SegmentSeal | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const seal: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'seal') : null;
  if (typeof seal !== 'object' || seal === null) return null;
  const text = (key: string): string | null => {
    const item: unknown = Reflect.get(seal, key);
    return typeof item === 'string' ? item : null;
  };
  const count: unknown = Reflect.get(seal, 'count');
  const format = text('format');
  const fields = {
    chain: text('chain'),
    firstSeq: text('firstSeq'),
    lastSeq: text('lastSeq'),
    firstPrevHash: text('firstPrevHash'),
    lastHash: text('lastHash'),
    eventsSha256: text('eventsSha256'),
    sealedAt: text('sealedAt'),
    keyId: text('keyId'),
    scheme: text('scheme'),
    signature: text('signature'),
  };
  if (format !== SEGMENT_FORMAT || typeof count !== 'number' || !Number.isInteger(count)) return null;
  const { chain, firstSeq, lastSeq, firstPrevHash, lastHash, eventsSha256, sealedAt, keyId, scheme, signature } = fields;
  if (!chain || !firstSeq || !lastSeq || !firstPrevHash || !lastHash || !eventsSha256 || !sealedAt || !keyId || !scheme || !signature) return null;
  return { format, chain, firstSeq, lastSeq, count, firstPrevHash, lastHash, eventsSha256, sealedAt, keyId, scheme, signature };
}
