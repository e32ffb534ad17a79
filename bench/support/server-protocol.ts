/** The three ways the same schema and resolvers are served (DESIGN: baseline, policy, policy + audit). */
export const SERVER_MODES = ['baseline', 'policy', 'policy+audit'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

export function isServerMode(value: string | undefined): value is ServerMode {
  return (SERVER_MODES as readonly string[]).includes(value ?? '');
}

/**
 * The proxy block's contenders, the baseline first: the upstream API alone, then Warden in
 * front of it as the customer, as an agent in a read-only session, and the same session with
 * the audit trail off (to tell the audit's share). Each Warden is a process of its own.
 */
export const PROXY_MODES = ['upstream', 'proxy-customer', 'proxy-session', 'proxy-session-unaudited', 'proxy-session-executed'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** Child → parent over the IPC channel. */
export type ServerMessage =
  | { type: 'listening'; port: number }
  | {
      type: 'sample';
      /** process.cpuUsage(), microseconds since the child started. */
      cpuUserUs: number;
      cpuSystemUs: number;
      /** Highest RSS seen by the 100 ms sampler since the previous sample, bytes. */
      peakRssBytes: number;
      /** getrusage's high-water mark for the whole life of the process, bytes. */
      maxRssBytes: number;
    }
  | { type: 'profile-written'; file: string };

/**
 * Parent → child. `profile-start` / `profile-stop` record a V8 CPU profile of just the measured
 * blocks (no start-up, no warm-up), written to `file` as a .cpuprofile.
 */
export type ControlMessage = { type: 'sample' } | { type: 'stop' } | { type: 'profile-start' } | { type: 'profile-stop'; file: string };
