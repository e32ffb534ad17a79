import { parseArgs } from 'node:util';
import { invokedAs } from '../../cli/invoked-as.js';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/connect.js';
import { checkpointVerifier, checkpointVerifyKeys } from '../checkpoint-signature.js';
import { parseExpectToken, readCheckpointFile } from '../checkpoints.js';
import { describeChainProblem, describeChainStart, describeOutsideCheckpoints, type ChainReport, type ExternalCheckpoint, type ExternalSeal } from '../chain-report.js';
import { verifyAuditChain } from '../verify-chain.js';
import { describeSegmentProblem, verifySegments } from '../stream/verify-segments.js';
import { chainOfName, DEFAULT_CHAIN } from '../stream/ocsf-event.js';

const USAGE = `Usage: ${invokedAs('audit:verify')} [options]

Walks every audit hash chain and checks every signed checkpoint and seal, in the tables and kept
outside them.

  --expect SEQ:HASH[:SIGNED_AT:SIGNATURE]   a checkpoint you kept (the "expect" field of an
                                            "audit checkpoint signed" log line); repeatable
  --expect seal:[SIGNED_AT:]CHAIN/SEQ/HASH,…[:SIGNATURE]
                                            a seal over several chains, as that field gives it
  --checkpoint-file PATH                    the gateway's checkpoint file
                                            (default: WARDEN_AUDIT_CHECKPOINT_FILE)
  --key KEY                                 a key checkpoints may be signed with: an HMAC secret
                                            or an Ed25519 public key; repeatable (default:
                                            WARDEN_AUDIT_CHECKPOINT_KEY and _VERIFY_KEYS)
  --segments DIR                            instead, check a directory of sealed audit stream
                                            segments, offline (no database): seals, row hashes,
                                            links, and continuity across segments

Without a checkpoint kept outside the database (--expect, the file), the newest rows removed
back to a checkpoint, together with every checkpoint after it, cannot be ruled out: whoever
owns the database can do that and leave the chain whole. The output says so.

Exit 0: intact. Exit 1: broken (every problem is listed, the first first). Exit 2: could not run.`;

/** `npm run audit:verify`: walks the hash chain and the signed checkpoints; exit 1 lists what is broken. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      expect: { type: 'string', multiple: true, default: [] },
      'checkpoint-file': { type: 'string' },
      key: { type: 'string', multiple: true, default: [] },
      segments: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (values.segments !== undefined) return verifySegmentDirectory(values.segments, values.key, config);
  const external: (ExternalCheckpoint | ExternalSeal)[] = [];
  for (const text of values.expect) {
    const checkpoint = parseExpectToken(text);
    if (!checkpoint) {
      console.error(`--expect "${text}" is not a checkpoint: give SEQ:HASH, seal:CHAIN/SEQ/HASH,…, or the whole "expect" field of a checkpoint log line.\n\n${USAGE}`);
      return 2;
    }
    external.push(checkpoint);
  }
  const file = values['checkpoint-file'] ?? config.audit.checkpointFile;
  if (file) {
    const read = await readCheckpointFile(file).catch((error: unknown) => {
      throw new Error(`The checkpoint file ${file} cannot be read (${error instanceof Error ? error.message : String(error)}): check --checkpoint-file or WARDEN_AUDIT_CHECKPOINT_FILE.`);
    });
    if (read.malformedLines.length > 0) {
      console.error(`The checkpoint file ${file} has lines that are not checkpoints (${read.malformedLines.join(', ')}): it was edited. Restore it from a copy, then verify again.`);
      return 1;
    }
    external.push(...read.checkpoints, ...read.seals);
  }
  const keys = checkpointVerifyKeys(config.audit, values.key);

  const { db, description } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  try {
    const report = await verifyAuditChain(db, keys, { external, toleranceMs: config.audit.checkpointToleranceMinutes * 60_000 });
    const chains = report.chains.length > 1 ? `chains: ${report.chains.length}, ` : '';
    const checked = `${chains}rows: ${report.rows}, checkpoints: ${report.checkpoints} (${external.length} kept outside the database), keys: ${keys.map((key) => checkpointVerifier(key).keyId).join(', ')}`;
    if (report.problem) {
      const listed = report.problems.map((problem) => `  - ${describeChainProblem(problem)}`);
      console.error(
        [
          `Audit chain in ${description} is BROKEN (${checked}).`,
          `First problem: ${describeChainProblem(report.problem)}`,
          `All problems${report.truncated ? ` (the first ${report.problems.length})` : ''}:`,
          ...listed,
          ...eachChain(report, (chain) => describeChainStart(chain.start)),
        ].join('\n'),
      );
      return 1;
    }
    const intact = report.newestExternal ? 'is intact' : 'is intact as far as the database shows';
    const starts = eachChain(report, (chain) => describeChainStart(chain.start));
    console.log([`Audit chain in ${description} ${intact}: ${checked}.`, ...starts, ...eachChain(report, describeOutsideCheckpoints)].join('\n'));
    return 0;
  } finally {
    await db.destroy();
  }
}

/** A line per chain: as it always read while there was one, each prefixed with its chain when there are several. */
function eachChain(report: ChainReport, line: (chain: ChainReport['chains'][number]) => string): string[] {
  if (report.chains.length <= 1) return report.chains.map(line);
  return report.chains.map((chain) => `Chain ${chain.chain}: ${line(chain)}`);
}

/** `--segments DIR`: the directory's segments, checked with no database. */
async function verifySegmentDirectory(directory: string, givenKeys: readonly string[], config: ReturnType<typeof loadConfig>): Promise<number> {
  const configured = [...(config.audit.usingDevelopmentCheckpointKey ? [] : [config.audit.checkpointKey]), ...(config.audit.stream.segments?.key ? [config.audit.stream.segments.key] : []), ...config.audit.verifyKeys];
  const keys = givenKeys.length > 0 ? [...givenKeys] : configured.length > 0 ? configured : [config.audit.checkpointKey];
  const report = await verifySegments(directory, keys).catch((error: unknown) => {
    throw new Error(`The segment directory ${directory} cannot be read (${error instanceof Error ? error.message : String(error)}): check --segments.`);
  });
  const ranges = report.chains.map((c) => `${c.chain === 'default' && report.chains.length === 1 ? '' : `${c.chain}: `}${c.firstSeq ? `rows ${c.firstSeq} to ${c.lastSeq}` : 'no rows'}`);
  const range = ranges.length > 0 ? ranges.join('; ') : 'no rows';
  const checked = `${report.segments} segments, ${range}, keys: ${keys.map((key) => checkpointVerifier(key).keyId).join(', ')}`;
  const unfinished = report.unfinished.length > 0 ? [`Ignored ${report.unfinished.length} temporary files of writes that never finished (${report.unfinished.slice(0, 3).join(', ')}${report.unfinished.length > 3 ? ', …' : ''}).`] : [];
  if (report.problems.length > 0) {
    console.error([`Audit segments in ${directory} are BROKEN (${checked}).`, ...report.problems.slice(0, 20).map((p) => `  - ${describeSegmentProblem(p)}`), ...unfinished].join('\n'));
    return 1;
  }
  if (report.segments === 0) {
    console.error(`No audit segments in ${directory}: nothing to verify (segments are named warden-audit-<chain>-<first>-<last>.jsonl).`);
    return 1;
  }
  const expect = `Check the database still holds the newest: ${invokedAs('audit:verify')} --expect ${segmentsExpectToken(report)}`;
  console.log([`Audit segments in ${directory} are intact: ${checked}.`, ...unfinished, expect].join('\n'));
  return 0;
}

/** `seq:hash` of chain 0's newest row, or a bare seal naming every chain's (`seal:0/…,3/…`). */
function segmentsExpectToken(report: Awaited<ReturnType<typeof verifySegments>>): string {
  const [only] = report.chains;
  if (report.chains.length === 1 && only?.chain === DEFAULT_CHAIN) return `${report.lastSeq}:${report.lastHash}`;
  const heads = report.chains.flatMap((c) => {
    const chain = chainOfName(c.chain);
    return chain === null || !c.lastSeq ? [] : [`${chain}/${c.lastSeq}/${c.lastHash}`];
  });
  return `seal:${heads.join(',')}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
