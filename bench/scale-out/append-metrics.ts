/**
 * What a gateway's audit writer says of its own group commits, read from its /metrics: how many
 * appends, how many rows, and how long they took in all, the wait for the chain head included.
 * Each figure is null when the gateway does not export it, so a writer that renames or drops a
 * metric leaves a column empty instead of failing the run.
 */
export interface AppendCounters {
  appends: number | null;
  rows: number | null;
  seconds: number | null;
}

const COMMITTED = 'outcome="committed"';

/** Scrapes one gateway (metrics on, behind `token`). */
export async function readAppendCounters(baseUrl: string, token: string): Promise<AppendCounters> {
  const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
  const text = await response.text();
  return {
    appends: sumOf(text, 'warden_audit_appends_total', COMMITTED),
    rows: sumOf(text, 'warden_audit_rows_appended_total', null),
    seconds: sumOf(text, 'warden_audit_append_duration_seconds_sum', COMMITTED),
  };
}

/** What happened between two scrapes, over several gateways. */
export function appendDelta(before: readonly AppendCounters[], after: readonly AppendCounters[]): AppendCounters {
  const total = (key: keyof AppendCounters): number | null => {
    let sum = 0;
    for (const [i, end] of after.entries()) {
      const start = before[i]?.[key];
      const value = end[key];
      if (value === null || start === null || start === undefined) return null;
      sum += value - start;
    }
    return sum;
  };
  return { appends: total('appends'), rows: total('rows'), seconds: total('seconds') };
}

/** The sum of a metric's samples in Prometheus's text format, over the lines carrying `label` (any, when null). */
function sumOf(text: string, name: string, label: string | null): number | null {
  let found = false;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name} `) && !line.startsWith(`${name}{`)) continue;
    if (label && !line.includes(label)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!Number.isFinite(value)) continue;
    found = true;
    sum += value;
  }
  return found ? sum : null;
}
