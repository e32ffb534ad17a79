/**
 * Where a server's CPU went: the hot functions and packages in a V8 CPU profile written by
 * `npm run bench -- --cpu-prof=policy+audit` (bench/results/profiles/*.cpuprofile). Or where a
 * request's bytes were allocated, in a heap profile written by `--heap-prof=nested`
 * (*.heapprofile), alone or against another mode's: per request, what one allocates more.
 *
 *   npx tsx bench/profile-summary.ts <file.cpuprofile> [--top=25]
 *   npx tsx bench/profile-summary.ts <policy-audit.heapprofile> [--against=<policy.heapprofile>] [--top=25]
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

interface HeapProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children?: HeapProfileNode[];
}

interface HeapProfile {
  head: HeapProfileNode;
  /** Requests the profile covers (written by the in-process piece). */
  requests?: number;
}

/** Bytes allocated per request, by function and by area (self: allocated in the function itself). */
interface HeapSummary {
  bytesPerRequest: number;
  functions: Map<string, { name: string; where: string; bytes: number }>;
  areas: Map<string, number>;
}

function summariseHeapProfile(profile: HeapProfile): HeapSummary {
  const requests = profile.requests ?? 1;
  const functions = new Map<string, { name: string; where: string; bytes: number }>();
  const areas = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapProfileNode): void => {
    if (node.selfSize > 0) {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${shorten(url)}:${lineNumber + 1}` : '(native)';
      const key = `${functionName}@${where}`;
      const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, bytes: 0 };
      entry.bytes += node.selfSize / requests;
      functions.set(key, entry);
      const area = areaOf(url, functionName);
      areas.set(area, (areas.get(area) ?? 0) + node.selfSize / requests);
      total += node.selfSize / requests;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(profile.head);
  return { bytesPerRequest: total, functions, areas };
}

function printHeapSummary(file: string, summary: HeapSummary, against: { file: string; summary: HeapSummary } | null, top: number): void {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);
  const base = against?.summary;
  const rows = <V,>(map: Map<string, V>, bytes: (v: V) => number, other: Map<string, V> | undefined) =>
    [...new Set([...map.keys(), ...(other?.keys() ?? [])])]
      .map((key) => {
        const mine = map.get(key);
        const theirs = other?.get(key);
        const value = mine ?? theirs!;
        return { key, value, bytes: (mine ? bytes(mine) : 0) - (theirs ? bytes(theirs) : 0) };
      })
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, top);
  if (!base) {
    console.log(`\n${file}: ${kb(summary.bytesPerRequest).trim()} KB allocated a request\n\nby area (KB a request, allocated in the area itself):`);
  } else {
    console.log(`\n${file}: ${kb(summary.bytesPerRequest).trim()} KB allocated a request, ${kb(summary.bytesPerRequest - base.bytesPerRequest).trim()} KB more than ${against.file}\n\nby area (KB a request more):`);
  }
  for (const row of rows(summary.areas, (v) => v, base?.areas)) console.log(`  ${kb(row.bytes)} KB  ${row.key}`);
  console.log(base ? '\nfunctions allocating more (KB a request):' : '\nfunctions allocating most (KB a request):');
  for (const row of rows(summary.functions, (v) => v.bytes, base?.functions)) console.log(`  ${kb(row.bytes)} KB  ${row.value.name}  ${row.value.where}`);
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' }, against: { type: 'string' } } });
  const top = Number(values.top ?? 25);
  if (positionals.length === 0) {
    console.error('usage: npx tsx bench/profile-summary.ts <file.cpuprofile | file.heapprofile> [--against=<file.heapprofile>] [--top=25]');
    process.exitCode = 1;
    return;
  }
  const against = values.against ? { file: values.against, summary: summariseHeapProfile(JSON.parse(readFileSync(values.against, 'utf8')) as HeapProfile) } : null;
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | HeapProfile;
    if ('head' in profile) {
      printHeapSummary(file, summariseHeapProfile(profile), against, top);
      continue;
    }
    const summary = summariseProfile(profile, top);
    console.log(`\n${file}: ${summary.totalMs} ms busy (idle left out)\n\nby area (self time):`);
    for (const a of summary.areas) console.log(`  ${String(a.percent).padStart(5)}%  ${String(a.selfMs).padStart(7)} ms  ${a.area}`);
    console.log('\nhottest functions (self time):');
    for (const f of summary.functions) console.log(`  ${String(f.percent).padStart(5)}%  ${String(f.selfMs).padStart(7)} ms  ${f.name}  ${f.where}`);
  }
}

main();
