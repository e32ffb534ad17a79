import type { ScaleOutRun } from './measure-processes.js';

/** A missing figure prints as an em dash, so a column a writer does not export reads as absent, not zero. */
function cell(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The headline table: one row per process count. */
export function scaleOutTable(runs: readonly ScaleOutRun[]): string {
  const header = [
    'gateways',
    'chains',
    'req/s',
    'audit rows/s',
    'rows/req',
    'p50 ms',
    'p99 ms',
    'appends/s',
    'rows/append',
    'append ms (mean)',
    'head lock wait (backend-s/s)',
    'per 1,000 rows (backend-ms)',
    'share of append time',
    'any lock wait (backend-s/s)',
    'max head waiters',
    'CPU cores: gateways / db / driver / other work',
    'machine busy',
  ];
  const rows = runs.map((r) => [
    String(r.processes),
    r.chains === null ? 'default' : String(r.chains),
    cell(r.requestsPerSecond),
    cell(r.auditRowsPerSecond, 0),
    cell(r.auditRowsPerRequest),
    cell(r.p50Ms, 2),
    cell(r.p99Ms, 2),
    cell(r.appends.perSecond),
    cell(r.appends.rowsPerAppend),
    cell(r.appends.meanMs, 2),
    cell(r.lockWaits.chainHeadPerSecond, 3),
    cell(r.lockWaits.chainHeadMsPer1000Rows, 2),
    r.lockWaits.chainHeadShareOfAppendTime === null ? '—' : `${Math.round(r.lockWaits.chainHeadShareOfAppendTime * 100)}%`,
    cell(r.lockWaits.anyLockPerSecond, 3),
    String(r.lockWaits.maxChainHeadWaiters),
    `${cell(r.cpu.gateways, 2)} / ${cell(r.cpu.database, 2)} / ${cell(r.cpu.driver, 2)} / ${cell(r.cpu.otherWork, 2)}`,
    r.cpu.machineBusyPercent === null ? '—' : `${r.cpu.machineBusyPercent}%`,
  ]);
  return markdown(header, rows);
}

/** What the waiting backends waited for, per process count, and how well the sampler kept up. */
export function lockBreakdownTable(runs: readonly ScaleOutRun[]): string {
  const rows = runs.flatMap((r) => {
    const sampler = `${r.lockWaits.samples} samples, every ${cell(r.lockWaits.meanIntervalMs, 1)} ms, ${cell(r.lockWaits.meanQueryMs, 2)} ms each${r.lockWaits.samplerDatabaseCores === null ? '' : `, ${cell(r.lockWaits.samplerDatabaseCores * 100, 1)}% of a core in the database`}${r.lockWaits.error ? `; stopped: ${r.lockWaits.error}` : ''}`;
    const locks = Object.entries(r.lockWaits.byLock).sort((a, b) => b[1] - a[1]);
    const who = `${r.processes} × ${r.chains ?? 'default'}`;
    if (locks.length === 0) return [[who, 'none seen', '0.000', sampler]];
    return locks.map(([label, backendSeconds], i) => [who, label, cell(backendSeconds / Math.max(r.lockWaits.seconds, 1e-9), 3), i === 0 ? sampler : '']);
  });
  return markdown(['gateways × chains', 'waiting for', 'backend-s/s', 'sampler'], rows);
}

function markdown(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
