/**
 * Where a server's CPU went: the hot functions and packages in a V8 CPU profile written by
 * `npm run bench -- --cpu-prof=policy+audit` (bench/results/profiles/*.cpuprofile).
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top=25]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface ProfileSummary {
  totalMs: number;
  functions: Array<{ name: string; where: string; selfMs: number; percent: number }>;
  areas: Array<{ area: string; selfMs: number; percent: number }>;
}

function summariseProfile(profile: CpuProfile, top: number): ProfileSummary {
  // Self time per node: each sample's time delta goes to the node it landed in.
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? -1;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0));
  }
  // Percentages are of busy time: the idle node (waiting on I/O) is left out.
  const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const total = [...selfUs].reduce((sum, [id, us]) => (idleIds.has(id) ? sum : sum + us), 0) || 1;
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || idleIds.has(node.id)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${shorten(url)}:${lineNumber + 1}` : '(native)';
    const key = `${functionName}@${where}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((1000 * us) / total) / 10;
  return {
    totalMs: Math.round(total / 1000),
    functions: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), percent: pct(f.us) })),
    areas: [...byArea].sort((a, b) => b[1] - a[1]).slice(0, top).map(([area, us]) => ({ area, selfMs: Math.round(us / 1000), percent: pct(us) })),
  };
}

/** A package name for dependencies, a file for our own code, or the engine's own activity. */
function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node internals';
  return shorten(url);
}

function shorten(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  return path.relative(process.cwd(), file);
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } });
  const top = Number(values.top ?? 25);
  if (positionals.length === 0) {
    console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [--top=25]');
    process.exitCode = 1;
    return;
  }
  for (const file of positionals) {
    const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top);
    console.log(`\n${file}: ${summary.totalMs} ms busy (idle left out)\n\nby area (self time):`);
    for (const a of summary.areas) console.log(`  ${String(a.percent).padStart(5)}%  ${String(a.selfMs).padStart(7)} ms  ${a.area}`);
    console.log('\nhottest functions (self time):');
    for (const f of summary.functions) console.log(`  ${String(f.percent).padStart(5)}%  ${String(f.selfMs).padStart(7)} ms  ${f.name}  ${f.where}`);
  }
}

main();
