import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks; 100 a second on every mainstream kernel config. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, microseconds) of the PostgreSQL cluster: the postmaster, its live
 * backends, and (through the postmaster's cutime/cstime) every backend that has exited, so the
 * figure only grows even as pools close idle connections. Linux only; null elsewhere or when
 * the tree cannot be read (then the report leaves the column empty).
 */
export function processTreeCpuUs(rootPid: number | null): number | null {
  if (rootPid === null || process.platform !== 'linux') return null;
  try {
    const root = readStat(String(rootPid));
    if (!root) return null;
    let ticks = root.ticks + root.childTicks;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === rootPid) continue;
      const stat = readStat(entry);
      if (stat?.ppid === rootPid) ticks += stat.ticks;
    }
    return (ticks / TICKS_PER_SECOND) * 1_000_000;
  } catch {
    return null;
  }
}

/** CPU time (user + system, microseconds) of one process; null when it cannot be read (not Linux, gone). */
export function processCpuUs(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  const stat = readStat(String(pid));
  return stat ? (stat.ticks / TICKS_PER_SECOND) * 1_000_000 : null;
}

function readStat(pid: string): { ppid: number; ticks: number; childTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: split after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), childTicks: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** CPU time all processes on the machine have used (user, nice, system, irq, softirq, steal), µs. */
export function machineBusyCpuUs(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
    return ((user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND) * 1_000_000;
  } catch {
    return null;
  }
}
