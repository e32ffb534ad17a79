import type { BenchOptions } from '../options.js';

/** What every Warden the benchmark starts shares: the secrets its callers' tokens and its checkpoints are made with. */
export interface WardenSecrets {
  jwt: string;
  checkpoint: string;
}

/**
 * A benchmark Warden's environment: production settings over its database, audit checkpoints
 * kept in a file as production requires, at the run's log level (warn keeps per-request access
 * logs out of the measurement), no demo data.
 */
export function wardenEnv(options: Pick<BenchOptions, 'logLevel'>, databaseUrl: string, secrets: WardenSecrets, checkpointFile: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    WARDEN_JWT_SECRET: secrets.jwt,
    WARDEN_AUDIT_CHECKPOINT_KEY: secrets.checkpoint,
    WARDEN_AUDIT_CHECKPOINT_FILE: checkpointFile,
    WARDEN_LOG_LEVEL: options.logLevel,
    WARDEN_SEED_DEMO_DATA: 'false',
  };
}
