import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The development JWT secret. It is public by definition: `npm start` prints it so demo tokens
 * can be minted, and production refuses to start with it.
 */
export const DEVELOPMENT_JWT_SECRET = 'warden-development-secret-change-me-0123456789';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
}

export interface Config {
  production: boolean;
  /** NODE_ENV=development: errors keep their detail; tests and production mask them. */
  development: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    usingDevelopmentSecret: boolean;
  };
  seedDemoData: boolean;
  logLevel: string;
  limits: Limits;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Reads the environment once at start; every problem is reported together, naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env['NODE_ENV'] ?? 'development';
  const production = nodeEnv === 'production';

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}").`);
    return fallback;
  };

  const jwksUrl = env['WARDEN_JWKS_URL'] || undefined;
  let secret = env['WARDEN_JWT_SECRET'] || undefined;
  let usingDevelopmentSecret = false;
  if (jwksUrl) {
    try {
      new URL(jwksUrl);
    } catch {
      problems.push(`WARDEN_JWKS_URL must be an absolute URL (got "${jwksUrl}").`);
    }
  }
  if (!secret && !jwksUrl) {
    if (production) {
      problems.push('Set WARDEN_JWT_SECRET (32+ characters) or WARDEN_JWKS_URL: production has no default secret.');
    }
    secret = DEVELOPMENT_JWT_SECRET;
    usingDevelopmentSecret = true;
  }
  if (secret && secret.length < 32) {
    problems.push('WARDEN_JWT_SECRET must be at least 32 characters long (HS256 needs 256 bits).');
  }
  if (production && secret === DEVELOPMENT_JWT_SECRET) {
    problems.push('WARDEN_JWT_SECRET is the published development secret: choose your own for production.');
  }

  const config: Config = {
    production,
    development: nodeEnv === 'development',
    port: int('PORT', 4000, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: path.resolve(env['WARDEN_DATA_DIR'] || '.warden/pgdata'),
    jwt: {
      secret,
      jwksUrl,
      issuer: env['WARDEN_JWT_ISSUER'] || undefined,
      audience: env['WARDEN_JWT_AUDIENCE'] || undefined,
      usingDevelopmentSecret,
    },
    seedDemoData: bool('WARDEN_SEED_DEMO_DATA', !production),
    logLevel: env['WARDEN_LOG_LEVEL'] || (nodeEnv === 'test' ? 'silent' : 'info'),
    limits: {
      maxDepth: int('WARDEN_MAX_DEPTH', 10, 2, 100),
      maxAliases: int('WARDEN_MAX_ALIASES', 15, 1, 1000),
      maxCost: int('WARDEN_MAX_COST', 20000, 10, 10_000_000),
      maxTokens: int('WARDEN_MAX_TOKENS', 2000, 50, 100_000),
      maxDirectives: int('WARDEN_MAX_DIRECTIVES', 20, 1, 1000),
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Warden cannot start:\n- ${problems.join('\n- ')}`);
  }
  return config;
}

/** A fresh random secret, for tests that must not use the published development one. */
export function randomJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}
