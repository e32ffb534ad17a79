/**
 * The goals across the benchmark's recorded runs: each run's results judged against today's
 * targets (`evaluateGoals`), then per goal how many runs met it and the median and range of what
 * they measured. One run's ratio moves by about 0.1 with the machine's state (docs/performance.md,
 * "How far one run can be trusted"); this says where a goal stands over many.
 *
 *   npx tsx bench/across-runs.ts [--since=2026-12-07] [--machine=Xeon] [results.json …]
 *
 * Without files it reads every run in bench/results. Prints a Markdown table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateGoals, GOAL_TARGETS, ratioGoal, workloadLabel, type BenchResults, type Goal } from './report.js';
import { spread } from './support/stats.js';

export interface RecordedRun {
  /** How the table names the run: its commit, and `dirty` or a suffix of its file. */
  label: string;
  goals: Goal[];
}

export interface GoalAcrossRuns {
  goal: string;
  target: string;
  /** Runs that measured it (at the size it names, for the auditor's). */
  measured: number;
  met: number;
  median: number;
  min: number;
  max: number;
  /** Each measuring run's value, oldest first, with whether it met the target. */
  runs: Array<{ label: string; value: number; met: boolean }>;
}

/** Groups the runs' goals by name, in the order the latest run lists them; a goal no run judged is left out. */
export function goalsAcrossRuns(runs: readonly RecordedRun[]): GoalAcrossRuns[] {
  const names = [...new Set([...runs].reverse().flatMap((r) => r.goals.map((g) => g.goal)))];
  return names.flatMap((goal) => {
    const judged = runs.flatMap((run) => {
      const found = run.goals.find((g) => g.goal === goal);
      return found && found.met !== null && found.value !== null ? [{ label: run.label, value: found.value, met: found.met, target: found.target }] : [];
    });
    if (judged.length === 0) return [];
    const values = spread(judged.map((j) => j.value));
    return [{
      goal,
      target: judged.at(-1)?.target ?? '',
      measured: judged.length,
      met: judged.filter((j) => j.met).length,
      median: values.median,
      min: values.min,
      max: values.max,
      runs: judged.map(({ label, value, met }) => ({ label, value, met })),
    }];
  });
}

/**
 * Each HTTP throughput goal as it would read where the gateway had cores of its own, so that its
 * one main thread bounds throughput: the baseline's gateway CPU a request over the mode's (the
 * medians of each mode's blocks, PostgreSQL's and the load generator's CPU left out). Here the
 * gateway shares two cores with both, and a ratio of throughputs mixes in what they cost; this
 * says whether cores of its own would reach the goal. Not a goal itself: a bound on one.
 */
export function gatewayCpuBounds(results: Pick<BenchResults, 'http'>): Goal[] {
  const wanted = [
    ['list', 'policy', GOAL_TARGETS.listPolicyThroughput],
    ['list', 'policy+audit', GOAL_TARGETS.listAuditThroughput],
    ['nested', 'policy+audit', GOAL_TARGETS.nestedAuditThroughput],
    ['session', 'policy+audit', GOAL_TARGETS.sessionAuditThroughput],
  ] as const;
  return wanted.flatMap(([workload, mode, target]) => {
    const modes = results.http?.find((w) => w.name === workload)?.modes;
    const baseline = modes?.find((m) => m.mode === 'baseline')?.serverCpuUsPerRequest.median;
    const measured = modes?.find((m) => m.mode === mode)?.serverCpuUsPerRequest.median;
    if (!baseline || !measured) return [];
    const goal = `${mode === 'policy' ? 'policy' : 'policy + audit'}: gateway CPU on ${workloadLabel(workload)}`;
    return [ratioGoal(goal, { value: baseline / measured, perRound: [], note: null }, target, true)];
  });
}

export function renderAcrossRuns(rows: readonly GoalAcrossRuns[]): string {
  const figure = (value: number) => (Math.abs(value) >= 1_000 ? Math.round(value).toLocaleString('en') : value.toFixed(3));
  return [
    '| goal | target | runs met | median | min–max | each run, oldest first |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.goal} | ${r.target} | ${r.met} of ${r.measured} | ${figure(r.median)} | ${figure(r.min)}–${figure(r.max)} | ${r.runs.map((run) => `${run.label} ${figure(run.value)}${run.met ? '' : ' ✗'}`).join(', ')} |`),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { since: { type: 'string' }, machine: { type: 'string' } } });
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  const files = positionals.length ? positionals : readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  const recorded = files
    .map((file) => ({ file, results: JSON.parse(readFileSync(file, 'utf8')) as BenchResults }))
    .filter(({ results }) => results.http || results.writer || results.proxy || results.auditor)
    .filter(({ results }) => !values.since || results.date.slice(0, 10) >= values.since)
    .filter(({ results }) => !values.machine || results.machine.cpuModel.includes(values.machine))
    // Oldest first by when each ran: a day's files sort by commit, not by time.
    .sort((a, b) => a.results.date.localeCompare(b.results.date));
  const labelled = recorded.map(({ file, results }) => {
    const suffix = path.basename(file, '.json').split(results.revision.commit)[1]?.replace(/^-/, '') ?? '';
    return { label: `${results.revision.commit}${suffix ? ` (${suffix})` : ''}`, results };
  });
  const runs: RecordedRun[] = labelled.map(({ label, results }) => ({ label, goals: evaluateGoals(results) }));
  if (runs.length === 0) throw new Error('No recorded run matches: check the files and --since / --machine.');
  process.stdout.write(`${runs.length} runs: ${runs.map((r) => r.label).join(', ')}\n\n${renderAcrossRuns(goalsAcrossRuns(runs))}\n`);
  const bounds = goalsAcrossRuns(labelled.map(({ label, results }) => ({ label, goals: gatewayCpuBounds(results) })));
  if (bounds.length) {
    process.stdout.write(
      `\nWith cores of its own, where the gateway's main thread bounds throughput: its CPU a request, the baseline's over the mode's (medians of each mode's blocks):\n\n${renderAcrossRuns(bounds)}\n`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
