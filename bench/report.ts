import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditorResult } from './auditor-queries.js';
import type { WriterResult } from './audit-writer.js';
import { medianRatio, pairedRatios, type ModeSummary, type WorkloadResult } from './http/side-by-side.js';
import type { InProcessResult } from './modes-in-process.js';
import type { BenchOptions } from './options.js';
import type { ShieldResult } from './shield.js';
import type { MachineInfo, Revision } from './support/machine.js';
import type { ProxyMode } from './support/server-protocol.js';
import type { Spread } from './support/stats.js';

export interface BenchResults {
  version: 1;
  date: string;
  revision: Revision;
  machine: MachineInfo;
  postgres: { version: string; source: string };
  options: BenchOptions;
  seconds: number;
  /** 1, 5 and 15 minute load averages before and after the run (2 cores: 2 is a full machine). */
  loadAverage: { before: number[]; after: number[] };
  http: WorkloadResult[] | null;
  /** The three modes in one process, one request at a time: what each layer adds to a request's CPU. */
  inProcess: InProcessResult[] | null;
  /** The Lettings API alone against Warden in front of it (proxy mode). */
  proxy: WorkloadResult | null;
  shield: ShieldResult[] | null;
  writer: WriterResult | null;
  auditor: AuditorResult | null;
  goals: Goal[];
}

export interface Goal {
  goal: string;
  target: string;
  measured: string;
  /** null: not measured in this run (or not at the size the goal names). */
  met: boolean | null;
  /** What was measured, in the goal's unit (a ratio, ms, rows/s); null when it did not run. */
  value: number | null;
  /** How far from the target (negative: missed by that much), in the goal's own unit. */
  margin: string;
  /**
   * For a ratio to the baseline: in how many rounds the ratio of that round's two blocks met the
   * target, e.g. "3 of 4". One run's median can sit on either side of a target by noise alone;
   * the rounds say how firmly. Empty for a goal not measured as a ratio.
   */
  rounds: string;
}

/** The targets of performance round two: ratios to the baseline, measured side by side in one run. */
export const GOAL_TARGETS = {
  listPolicyThroughput: 0.95,
  listAuditThroughput: 0.9,
  nestedAuditThroughput: 0.8,
  sessionAuditThroughput: 0.85,
  p99: 1.25,
  /** Proxy mode, a session with the audit on, against the upstream alone. */
  proxyThroughput: 0.8,
  auditorP50Ms: 50,
  auditorRows: 10_000_000,
  writerRowsPerSecond: 100_000,
} as const;

const WORKLOAD_LABELS: Record<string, string> = { list: 'the 1,000-row list', nested: 'the nested query', session: 'session start/end' };

/** How the goals name a workload: `the nested query`. */
export function workloadLabel(name: string): string {
  return WORKLOAD_LABELS[name] ?? name;
}

/**
 * A ratio judged against its target (at least it, or at most): the value, its margin, and in
 * how many rounds each round's own ratio met it.
 */
export function ratioGoal(goal: string, measured: RatioMeasure | null, target: number, atLeast: boolean): Goal {
  const targetText = `${atLeast ? '≥' : '≤'} ${target}×`;
  if (!measured) return { goal, target: targetText, measured: 'not run', met: null, value: null, margin: '', rounds: '' };
  const { value, perRound, note } = measured;
  const meets = (v: number) => (atLeast ? v >= target : v <= target);
  const margin = atLeast ? value - target : target - value;
  return {
    goal,
    target: targetText,
    measured: `${value.toFixed(3)}×${note ? ` (${note})` : ''}`,
    met: meets(value),
    value,
    margin: `${margin >= 0 ? '+' : ''}${margin.toFixed(3)}×`,
    rounds: perRound.length ? `${perRound.filter(meets).length} of ${perRound.length}` : '',
  };
}

export function evaluateGoals(results: Pick<BenchResults, 'http' | 'proxy' | 'writer' | 'auditor'>): Goal[] {
  const goals: Goal[] = [];
  const workload = (name: string) => results.http?.find((w) => w.name === name);
  goals.push(ratioGoal(`policy: throughput on ${workloadLabel('list')}`, throughputRatio(workload('list'), 'policy'), GOAL_TARGETS.listPolicyThroughput, true));
  const audited = [
    ['list', GOAL_TARGETS.listAuditThroughput],
    ['nested', GOAL_TARGETS.nestedAuditThroughput],
    ['session', GOAL_TARGETS.sessionAuditThroughput],
  ] as const;
  for (const [name, target] of audited) goals.push(ratioGoal(`policy + audit: throughput on ${workloadLabel(name)}`, throughputRatio(workload(name), 'policy+audit'), target, true));
  for (const [name] of audited) goals.push(ratioGoal(`policy + audit: p99 on ${workloadLabel(name)}`, p99Ratio(workload(name), 'policy+audit'), GOAL_TARGETS.p99, false));
  // Proxy mode: a session's reads, audited, against the upstream alone.
  goals.push(ratioGoal('proxy, session with audit: throughput on the 1,000-row list vs the upstream alone', throughputRatio(results.proxy ?? undefined, 'proxy-session'), GOAL_TARGETS.proxyThroughput, true));

  const auditor = results.auditor;
  for (const q of auditor?.queries ?? []) {
    const atSize = auditor !== null && auditor.rows >= GOAL_TARGETS.auditorRows;
    const met = q.p50Ms < GOAL_TARGETS.auditorP50Ms;
    goals.push({
      goal: `auditor p50, ${q.query}`,
      target: `< ${GOAL_TARGETS.auditorP50Ms} ms at 10,000,000 rows`,
      measured: `${q.p50Ms} ms at ${auditor?.rows.toLocaleString('en')} rows`,
      met: atSize ? met : null,
      value: q.p50Ms,
      margin: `${(GOAL_TARGETS.auditorP50Ms - q.p50Ms).toFixed(2)} ms${atSize ? '' : ` (${met ? 'met' : 'missed'} at this size; 10M not run)`}`,
      rounds: '',
    });
  }
  if (!auditor) goals.push({ goal: 'auditor p50', target: `< ${GOAL_TARGETS.auditorP50Ms} ms at 10,000,000 rows`, measured: 'not run', met: null, value: null, margin: '', rounds: '' });

  const writer = results.writer;
  if (writer?.winner) {
    const value = writer.winner.rowsPerSecond;
    goals.push({
      goal: 'audit writer',
      target: `≥ ${GOAL_TARGETS.writerRowsPerSecond.toLocaleString('en')} rows/s`,
      measured: `${Math.round(value).toLocaleString('en')} rows/s (${writer.winner.method}, batch ${writer.winner.batch.toLocaleString('en')})`,
      met: value >= GOAL_TARGETS.writerRowsPerSecond,
      value,
      margin: `${value >= GOAL_TARGETS.writerRowsPerSecond ? '+' : ''}${Math.round(value - GOAL_TARGETS.writerRowsPerSecond).toLocaleString('en')} rows/s`,
      rounds: '',
    });
  } else {
    goals.push({ goal: 'audit writer', target: `≥ ${GOAL_TARGETS.writerRowsPerSecond.toLocaleString('en')} rows/s`, measured: 'not run', met: null, value: null, margin: '', rounds: '' });
  }
  return goals;
}

/** A mode's ratio to the baseline: the ratio of the medians, each round's own, and what to say beside it. */
export interface RatioMeasure {
  value: number;
  perRound: number[];
  note: string | null;
}

function throughputRatio(workload: WorkloadResult | undefined, mode: string): RatioMeasure | null {
  const ratios = workload?.modes.find((m) => m.mode === mode)?.ratios;
  const baseline = workload?.modes[0]?.mode;
  if (!workload || !ratios || baseline === undefined) return null;
  return { value: ratios.throughput.median, perRound: pairedRatios(workload.blocks, baseline, mode, (b) => b.requestsPerSecond), note: null };
}

/**
 * p99 beside the mean latency's ratio. The load is a fixed number of connections, each sending
 * its next request when the last is answered, so the mean latency is the connections over the
 * throughput: a mode at 0.80× the baseline's throughput has 1.25× its mean latency, and its p99
 * moves with it unless the mode's tail is shorter than the baseline's. Said beside the p99, the
 * mean tells a slower mode from one whose tail grew.
 */
function p99Ratio(workload: WorkloadResult | undefined, mode: string): RatioMeasure | null {
  const ratios = workload?.modes.find((m) => m.mode === mode)?.ratios;
  const baseline = workload?.modes[0]?.mode;
  if (!workload || !ratios || baseline === undefined) return null;
  return {
    value: ratios.p99.median,
    perRound: pairedRatios(workload.blocks, baseline, mode, (b) => b.p99Ms),
    note: `mean latency ${medianRatio(workload.blocks, baseline, mode, (b) => b.meanMs).toFixed(2)}×`,
  };
}

export function writeResultsJson(results: BenchResults, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${results.date.slice(0, 10)}-${results.revision.commit}${results.revision.dirty ? '-dirty' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

/** Replaces the measured part of docs/performance.md; the prose around it is kept. */
export function updatePerformanceDoc(file: string, results: BenchResults, resultsFile: string): void {
  const section = `${START}\n${renderResults(results, resultsFile)}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? `${current.slice(0, start)}${section}${current.slice(end + END.length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

const n = (value: number, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const range = (s: Spread, digits = 0) => `${n(s.median, digits)} (${n(s.min, digits)}–${n(s.max, digits)})`;

/** The writer on the rows the gateway writes today, beside the synthetic sample in the same cycles. */
function gatewayRowsLines(g: NonNullable<WriterResult['gatewayRows']>, syntheticChars: number): string[] {
  const rows = g.perRequest.reduce((sum, r) => sum + r.rows, 0);
  const cpu = (c: typeof g.cpuUsPerRow) => (c ? `${c.process.toFixed(1)} + ${c.database?.toFixed(1) ?? '–'} µs a row` : 'CPU not read');
  const rate = g.rowsPerSecond?.median ?? null;
  const requests = rate !== null && rows > 0 ? ` At that rate one writer stores the trail of about ${n(Math.round((rate * g.perRequest.length) / rows))} of these requests a second.` : '';
  return [
    `The rows the gateway writes today, captured from one request of each audited workload through an in-process gateway (${g.perRequest.map((r) => `${r.request} ${r.rows}`).join(', ')}: ${rows} rows, about ${g.averageRowChars} characters each against the synthetic ${syntheticChars}), repeated to batches of ${n(g.batch)} and appended by the shipped writer, alternating with the synthetic rows in the same cycles: ${g.rowsPerSecond ? range(g.rowsPerSecond) : '–'} rows/s (${cpu(g.cpuUsPerRow)}, this process + PostgreSQL) against ${g.synthetic.rowsPerSecond ? range(g.synthetic.rowsPerSecond) : '–'} (${cpu(g.synthetic.cpuUsPerRow)}).${requests}`,
    '',
  ];
}
const ratio = (r: { median: number; min: number; max: number } | undefined) => (r ? `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '1');
const status = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**missed**');

export function renderResults(results: BenchResults, resultsFile: string): string {
  const { machine, options } = results;
  const out: string[] = [];
  out.push(
    `## Latest run`,
    '',
    `| | |`,
    `|---|---|`,
    `| date | ${results.date} |`,
    `| commit | \`${results.revision.commit}\`${results.revision.dirty ? ' (with uncommitted changes)' : ''} |`,
    `| machine | ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os} |`,
    `| Node.js | ${machine.node} (autocannon ${machine.autocannon}) |`,
    `| PostgreSQL | ${results.postgres.version}, ${results.postgres.source} |`,
    `| settings | blocks of ${options.blockSeconds} s × ${options.rounds} rounds per mode, ${options.warmupSeconds} s warm-up, ${options.connections} connections, ${options.invoices} bench invoices, server log level ${options.logLevel} |`,
    `| run time | ${n(results.seconds)} s |`,
    `| load average (1, 5, 15 min) | before ${results.loadAverage.before.join(', ')}; after ${results.loadAverage.after.join(', ')} |`,
    `| raw results | \`${resultsFile}\` |`,
    '',
    '### Goals',
    '',
    'Round two\'s ratios and p99 on the list, nested and session start/end, the proxy\'s ratio, the auditor queries and the writer. *Rounds met*: in how many rounds the ratio of that round\'s two blocks (the mode\'s and the baseline\'s) met the target; one run\'s median can fall on either side of a target by the machine\'s noise alone.',
    '',
    '| goal | target | measured | status | margin | rounds met |',
    '|---|---|---|---|---|---|',
    ...results.goals.map((g) => `| ${g.goal} | ${g.target} | ${g.measured} | ${status(g.met)} | ${g.margin} | ${g.rounds || '–'} |`),
    '',
  );
  if (results.http) {
    out.push(
      '### Gateway over HTTP: three modes side by side',
      '',
      `Median over blocks, (min–max) over blocks; ratios are to the baseline, with the min–max of the ratios of blocks run in the same round. CPU is the server process (user + system) per request; DB CPU is the PostgreSQL backends per request (throwaway cluster only); "other load" is the most CPU that processes outside the benchmark took during any one block, as a share of the machine, among the blocks kept (a block above ${results.options.maxOtherLoad}% is measured again, at most twice).`,
      '',
    );
    for (const w of results.http) {
      out.push(
        `#### ${w.name}: ${w.title} (${w.connections} connections)`,
        '',
        '| mode | req/s | × baseline | p50 ms | × | p99 ms | × | server CPU µs/req | DB CPU µs/req | audit rows/req | peak RSS MB | other load |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...w.modes.map(
          (m) =>
            `| ${m.mode} | ${range(m.requestsPerSecond, 1)} | ${ratio(m.ratios?.throughput)} | ${range(m.p50Ms, 2)} | ${ratio(m.ratios?.p50)} | ${range(m.p99Ms, 2)} | ${ratio(m.ratios?.p99)} | ${range(m.serverCpuUsPerRequest)} | ${m.dbCpuUsPerRequest ? range(m.dbCpuUsPerRequest) : '–'} | ${n(m.auditRowsPerRequest.median, 1)} | ${n(m.peakRssMb)} | ${otherLoad(m)} |`,
        ),
        '',
      );
    }
  }
  if (results.inProcess) {
    out.push(
      '### The three modes in one process (no HTTP, one request at a time)',
      '',
      'The same documents through three gateways built as the servers are, in the benchmark\'s own process, batches of 20 requests alternating mode by mode (session: a start, then the end of that session, ten of each a batch); each request goes through the whole pipeline, the audit trail\'s commit included, its answer read as bytes, one at a time (so each commit carries one request). CPU is all batches\' CPU over all their requests, with the per-batch median and (min–max); *added* is the difference to the baseline. DB CPU is the PostgreSQL cluster\'s, read in 10 ms ticks (throwaway cluster only). Heap is what this process allocated on its JavaScript heap per request, counted from its collections\' heap statistics rather than sampled: it moves far less than CPU from run to run, so it judges a change too small for CPU to show.',
      '',
      '| query | mode | requests | CPU µs/req | per batch | added µs | DB CPU µs/req | added µs | heap KB/req | added KB |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...results.inProcess.flatMap((q) =>
        q.modes.map(
          (m) =>
            `| ${q.query} | ${m.mode} | ${n(m.requests)} | ${n(m.cpuUsPerRequest)} | ${range(m.batchCpuUsPerRequest)} | ${m.addedCpuUs === null ? '–' : n(m.addedCpuUs)} | ${m.dbCpuUsPerRequest === null ? '–' : n(m.dbCpuUsPerRequest)} | ${m.addedDbCpuUs === null ? '–' : n(m.addedDbCpuUs)} | ${n(m.allocatedKbPerRequest, 1)} | ${m.addedAllocatedKb === null ? '–' : n(m.addedAllocatedKb, 1)} |`,
        ),
      ),
      '',
    );
  }
  if (results.proxy) out.push(...renderProxy(results.proxy));
  if (results.shield) {
    out.push(
      '### graphql-shield on its own (in process, policy enforced, no HTTP, no audit write)',
      '',
      '| query | shield | CPU µs/execution | × off | wall µs/execution |',
      '|---|---|---|---|---|',
      ...results.shield.flatMap((q) => q.variants.map((v) => `| ${q.query} | ${v.variant} | ${range(v.cpuUsPerExecution)} | ${v.cpuRatio.toFixed(2)}× | ${range(v.wallUsPerExecution)} |`)),
      '',
    );
  }
  if (results.writer) {
    const w = results.writer;
    out.push(
      '### Audit writer: rows per second (whole append: lock the chain head, hash, insert, commit)',
      '',
      `Realistic rows (about ${w.averageRowChars} characters of details and summary each; one in four from a list, with 200 object ids). Hashing alone (no database) runs at ${n(w.hashOnlyRowsPerSecond)} rows/s.`,
      '',
      `| method | ${results.options.writerBatches.map((b) => `batch ${n(b)}`).join(' | ')} |`,
      `|---|${results.options.writerBatches.map(() => '---').join('|')}|`,
      ...[...new Set(w.cells.map((c) => c.method))].map((method) => {
        const cells = results.options.writerBatches.map((batch) => {
          const cell = w.cells.find((c) => c.method === method && c.batch === batch);
          if (!cell) return '–';
          if (cell.error) return `fails: ${cell.error.slice(0, 80)}`;
          return cell.rowsPerSecond ? range(cell.rowsPerSecond) : '–';
        });
        return `| ${method} | ${cells.join(' | ')} |`;
      }),
      '',
      'The insert statements alone (no lock, hashing or commit), the database\'s share:',
      '',
      `| method | ${results.options.writerBatches.map((b) => `batch ${n(b)}`).join(' | ')} |`,
      `|---|${results.options.writerBatches.map(() => '---').join('|')}|`,
      ...[...new Set(w.cells.filter((c) => c.insertOnlyRowsPerSecond).map((c) => c.method))].map((method) => {
        const cells = results.options.writerBatches.map((batch) => {
          const cell = w.cells.find((c) => c.method === method && c.batch === batch);
          return cell?.insertOnlyRowsPerSecond ? range(cell.insertOnlyRowsPerSecond) : '–';
        });
        return `| ${method} | ${cells.join(' | ')} |`;
      }),
      '',
      w.winner ? `Winner at batch ${n(w.winner.batch)}: **${w.winner.method}**, ${n(w.winner.rowsPerSecond)} rows/s.` : 'No winner: no method completed the largest batch.',
      '',
      `CPU per row at batch ${n(Math.max(...results.options.writerBatches))}, µs (steadier than rows a second when other processes share the machine). On two cores, with hashing and PostgreSQL pipelined, a writer appends at most two seconds of CPU divided by both together:`,
      '',
      '| method | this process | PostgreSQL | together | two-core bound, rows/s |',
      '|---|---|---|---|---|',
      ...w.cells
        .filter((c) => c.batch === Math.max(...results.options.writerBatches) && c.cpuUsPerRow)
        .map((c) => {
          const cpu = c.cpuUsPerRow;
          const together = cpu && cpu.database !== null ? cpu.process + cpu.database : null;
          return `| ${c.method} | ${cpu?.process.toFixed(1) ?? '–'} | ${cpu?.database?.toFixed(1) ?? '–'} | ${together?.toFixed(1) ?? '–'} | ${together ? n(Math.round(2_000_000 / together)) : '–'} |`;
        }),
      '',
      ...(w.bounds
        ? [
            `What bounds it, at batch ${n(Math.max(...results.options.writerBatches))}: the shipped writer with slim rows (one object each, about ${w.bounds.slimRowChars} characters) appends ${w.bounds.slimRowsPerSecond ? range(w.bounds.slimRowsPerSecond) : '–'} rows/s; the same writer appends the realistic rows to a plain copy of the table (no indexes, partitions or triggers) at ${w.bounds.plainTableRowsPerSecond ? range(w.bounds.plainTableRowsPerSecond) : '–'} rows/s.`,
            '',
          ]
        : []),
      ...(w.gatewayRows ? gatewayRowsLines(w.gatewayRows, w.averageRowChars) : []),
    );
  }
  if (results.auditor) {
    const a = results.auditor;
    out.push(
      `### Auditor queries on ${n(a.rows)} audit rows over ${a.months} months`,
      '',
      `Generated in ${a.generateSeconds} s (${n(a.tableSizeMb)} MB with indexes); ${n(a.shape.sessions)} sessions of ${a.shape.rowsPerSession} rows, ${a.shape.accounts} accounts, ${a.shape.actors} agents. First page of \`auditEvents\` (51 rows) through \`findAuditEvents\`.`,
      '',
      '| query | runs | p50 ms | p99 ms | max ms | rows | plan (top) |',
      '|---|---|---|---|---|---|---|',
      ...a.queries.map((q) => `| ${q.query} | ${q.runs} | ${q.p50Ms} | ${q.p99Ms} | ${q.maxMs} | ${q.rowsReturned} | ${planSummary(q.plan)} |`),
      '',
    );
  }
  return out.join('\n');
}

const PROXY_MODE_LABELS: Record<ProxyMode, string> = {
  upstream: 'the upstream alone',
  'proxy-customer': 'Warden, as the customer',
  'proxy-session': 'Warden, read-only session, audited',
  'proxy-session-unaudited': 'Warden, the same session, audit trail off',
  'proxy-session-executed': 'Warden, the same session, audited, executing the answer again (forwarding off)',
};

function renderProxy(p: WorkloadResult): string[] {
  // The baseline's server is the upstream itself; Warden's rows have it behind them.
  const cpu = (m: ModeSummary) => (m.behindCpuUsPerRequest ? [range(m.serverCpuUsPerRequest), range(m.behindCpuUsPerRequest)] : ['–', range(m.serverCpuUsPerRequest)]);
  return [
    '### Proxy mode: Warden in front of the Lettings API',
    '',
    `${p.title} (${p.connections} connections). The baseline calls the upstream (examples/proxy/upstream: graphql-js, data in memory) directly, with a token as Warden signs them; the other rows call it through a Warden in proxy mode, each Warden in a process of its own, all with the same answer (checked before the blocks). Median over blocks, (min–max) over blocks; ratios are to the upstream alone, with the min–max of the ratios of blocks run in the same round. Warden CPU is the proxy's process per request; upstream CPU is the API's (on Warden's rows, what Warden asked of it: the delegated query and who the customer is); DB CPU is PostgreSQL's; "other load" is the most CPU processes outside the benchmark took during one block, as a share of the machine.`,
    '',
    '| mode | req/s | × upstream | p50 ms | × | p99 ms | × | Warden CPU µs/req | upstream CPU µs/req | DB CPU µs/req | audit rows/req | peak RSS MB | other load |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...p.modes.map((m) => {
      const label = PROXY_MODE_LABELS[m.mode as ProxyMode] ?? m.mode;
      return `| \`${m.mode}\`: ${label} | ${range(m.requestsPerSecond, 1)} | ${ratio(m.ratios?.throughput)} | ${range(m.p50Ms, 2)} | ${ratio(m.ratios?.p50)} | ${range(m.p99Ms, 2)} | ${ratio(m.ratios?.p99)} | ${cpu(m).join(' | ')} | ${m.dbCpuUsPerRequest ? range(m.dbCpuUsPerRequest) : '–'} | ${n(m.auditRowsPerRequest.median, 1)} | ${n(m.peakRssMb)} | ${otherLoad(m)} |`;
    }),
    '',
  ];
}

function otherLoad(m: ModeSummary): string {
  return `${m.foreignCpuPercentMax === null ? '–' : `${n(m.foreignCpuPercentMax)}%`}${m.reruns ? ` (${m.reruns} re-run)` : ''}`;
}

/** The plan's node types, top down, without costs: enough to see index use and pruning. */
function planSummary(plan: string[]): string {
  const nodes = plan
    .map((line) => /(?:->\s*)?([A-Z][A-Za-z ]+?)(?: using ([a-z0-9_]+))?(?: on [a-z0-9_]+(?: [a-z0-9_]+)?)?\s+\(cost/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    // Each monthly partition has its own copy of an index: name the index, not the month.
    .map((m) => `${m[1]}${m[2] ? ` (${m[2].replace(/^audit_events_(y\d{4}m\d{2}|default)_/, '')})` : ''}`);
  const counted = new Map<string, number>();
  for (const node of nodes) counted.set(node, (counted.get(node) ?? 0) + 1);
  return [...counted].map(([node, count]) => (count > 1 ? `${count}× ${node}` : node)).join(' → ');
}
