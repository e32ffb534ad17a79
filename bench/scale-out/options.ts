import { parseArgs } from 'node:util';

/** The read workloads whose every request writes many audit rows (an agent in a session). */
export const SCALE_OUT_WORKLOADS = ['nested', 'list'] as const;
export type ScaleOutWorkload = (typeof SCALE_OUT_WORKLOADS)[number];

export interface ScaleOutOptions {
  smoke: boolean;
  /** Gateway process counts to measure, in order, each over the same database. */
  processes: number[];
  /**
   * WARDEN_AUDIT_CHAINS values to measure side by side, each at every process count (1 is a
   * single chain: every append waits on one head); null leaves it unset (the gateway's default).
   */
  chains: ReadonlyArray<number | null>;
  /** The measured load per process count, seconds. */
  seconds: number;
  /** Unmeasured load before it, so every gateway has compiled its hot paths. */
  warmupSeconds: number;
  /** Requests in flight at once, over all gateways (the same total for every process count). */
  connections: number;
  workload: ScaleOutWorkload;
  /** How often the lock sampler reads pg_stat_activity, milliseconds. */
  sampleMs: number;
  /** Bench invoices added to Acme (what the list workload reads). */
  invoices: number;
  logLevel: string;
  /** Where the results go as JSON; null: printed only. */
  json: string | null;
}

export const SCALE_OUT_HELP = `npm run bench:scale-out [-- options]

Several gateway processes over one PostgreSQL, an audited workload sent to them round-robin:
requests/s, audit rows/s, latency and the time audit appends wait for locks, per process count.

  --processes=1,2,4       gateway process counts to measure, in order (default 1,2,4)
  --chains=1,8            WARDEN_AUDIT_CHAINS values, measured side by side at every process
                          count (default: unset, the gateways' own default)
  --seconds=N             measured load per process count (default 10)
  --warmup-seconds=N      unmeasured load before it (default 3)
  --connections=N         requests in flight over all gateways (default 16)
  --workload=nested|list  what the agent in the session reads (default nested)
  --sample-ms=N           how often pg_stat_activity is sampled for lock waits (default 10)
  --invoices=N            bench invoices in Acme (default 1000)
  --log-level=LEVEL       gateway log level (default warn)
  --json=FILE             also write the results as JSON to FILE
  --smoke                 1 and 2 processes, about a second each: that every piece runs (< 30 s)
`;

/** Parses the command line; throws a sentence naming the option when a value is out of range. */
export function parseScaleOutOptions(argv: string[]): ScaleOutOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      smoke: { type: 'boolean' },
      processes: { type: 'string' },
      chains: { type: 'string' },
      seconds: { type: 'string' },
      'warmup-seconds': { type: 'string' },
      connections: { type: 'string' },
      workload: { type: 'string' },
      'sample-ms': { type: 'string' },
      invoices: { type: 'string' },
      'log-level': { type: 'string' },
      json: { type: 'string' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const smoke = values.smoke ?? false;
  const num = (raw: string | undefined, flag: string, full: number, small: number, min: number, max: number): number => {
    if (raw === undefined || raw === '') return smoke ? small : full;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${flag} must be a number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const processes = values.processes ? values.processes.split(',').map((p) => Number(p.trim())) : smoke ? [1, 2] : [1, 2, 4];
  if (processes.length === 0 || processes.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) throw new Error('--processes: whole numbers from 1 to 16, comma-separated');
  const workload = values.workload ?? 'nested';
  if (!isScaleOutWorkload(workload)) throw new Error(`--workload must be one of ${SCALE_OUT_WORKLOADS.join(', ')}`);
  const chains = values.chains === undefined ? [null] : values.chains.split(',').map((k) => Number(k.trim()));
  if (chains.length === 0 || chains.some((k) => k !== null && (!Number.isInteger(k) || k < 1 || k > 64))) throw new Error('--chains: whole numbers from 1 to 64, comma-separated');
  const connections = num(values.connections, 'connections', 16, 4, 1, 512);
  // Round-robin needs at least one request in flight per gateway, or some would idle.
  if (connections < Math.max(...processes)) throw new Error(`--connections (${connections}) must be at least the largest process count (${Math.max(...processes)})`);
  return {
    smoke,
    processes,
    chains,
    seconds: num(values.seconds, 'seconds', 10, 1, 0.5, 600),
    warmupSeconds: num(values['warmup-seconds'], 'warmup-seconds', 3, 0.5, 0, 600),
    connections,
    workload,
    sampleMs: num(values['sample-ms'], 'sample-ms', 10, 10, 1, 1000),
    invoices: num(values.invoices, 'invoices', 1000, 50, 1, 100_000),
    logLevel: values['log-level'] ?? 'warn',
    json: values.json ?? null,
  };
}

function isScaleOutWorkload(value: string): value is ScaleOutWorkload {
  return (SCALE_OUT_WORKLOADS as readonly string[]).includes(value);
}
