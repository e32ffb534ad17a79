import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CheckpointSigner } from '../checkpoint-signature.js';
import type { AuditSink, StreamEvent } from './audit-sink.js';
import { sealSegment, segmentFileName } from './segment-seal.js';

export interface SegmentSinkOptions {
  /** Where sealed segments are written; created when missing. */
  directory: string;
  /** Signs each seal. */
  signer: CheckpointSigner;
  /** The cursor's name. @default segments */
  destination?: string;
  /** A segment is written once it would hold this many rows… @default 10000 */
  segmentRows?: number;
  /** …or once its oldest row has waited this long. @default 60000 */
  segmentMaxAgeMs?: number;
}

/**
 * Writes contiguous runs of rows as sealed JSONL segments, one file each, for storage that
 * keeps files unchanged (S3 Object Lock, a WORM volume). A segment is written under a
 * temporary name, flushed to disk, then renamed to its final name (and the directory flushed):
 * a file with a segment's name is always whole. A segment whose name is already there (written
 * before a crash, the cursor not moved yet) is left as it is and counts as delivered.
 */
export function segmentSink(options: SegmentSinkOptions): AuditSink {
  const { directory, signer } = options;
  const segmentRows = options.segmentRows ?? 10_000;
  const maxAgeMs = options.segmentMaxAgeMs ?? 60_000;

  async function write(run: readonly StreamEvent[]): Promise<void> {
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return;
    const chain = first.event.unmapped.warden.chain;
    const name = segmentFileName(chain, first.seq, last.seq);
    const final = path.join(directory, name);
    if (await exists(final)) return;
    const events = run.map((e) => `${JSON.stringify(e.event)}\n`).join('');
    const seal = sealSegment(
      events,
      { chain, firstSeq: first.seq, lastSeq: last.seq, count: run.length, firstPrevHash: first.prevHash, lastHash: last.hash, sealedAt: new Date().toISOString() },
      signer,
    );
    const temporary = path.join(directory, `.${name}.${process.pid}.tmp`);
    await mkdir(directory, { recursive: true });
    // The rows are the audit table's: readable by the owner and its group, not by everyone.
    const file = await open(temporary, 'w', 0o640);
    try {
      await file.writeFile(`${events}${JSON.stringify({ seal })}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, final);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(directory);
  }

  return {
    destination: options.destination ?? 'segments',
    description: `sealed segments in ${directory}`,
    batchEvents: segmentRows,
    deliverNow: (waiting, now, stopping) => stopping || waiting.rows >= segmentRows || now.getTime() - waiting.oldest.getTime() >= maxAgeMs,
    async deliver(events, acknowledge) {
      // One segment per contiguous run: rows missing from the table (a gap) end a segment.
      let run: StreamEvent[] = [];
      for (const event of events) {
        const previous = run.at(-1);
        if (previous && BigInt(event.seq) !== BigInt(previous.seq) + 1n) {
          await write(run);
          await acknowledge(previous);
          run = [];
        }
        run.push(event);
      }
      const last = run.at(-1);
      await write(run);
      if (last) await acknowledge(last);
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return access(file, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** A rename is durable once the directory itself is flushed (where the platform allows opening one). */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** Why the directory cannot take segments, or null: checked at start, so a typo is said at once. */
export async function segmentDirectoryProblem(directory: string): Promise<string | null> {
  try {
    await mkdir(directory, { recursive: true });
    await access(directory, constants.W_OK);
    return null;
  } catch (error) {
    return `WARDEN_AUDIT_STREAM_DIR ${directory} cannot take audit segments (${error instanceof Error ? error.message : String(error)}): rows wait in the table, and are streamed once it can.`;
  }
}
