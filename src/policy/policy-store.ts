import type { Listen } from '../db/connect.js';
import type { Db } from '../db/database.js';
import type { PolicyVersionRow } from '../db/tables/policy-version.js';
import type { Logger } from '../log/logger.js';
import { compilePolicy, type CompiledPolicy } from './compile-policy.js';
import type { FieldPlan } from './plugin/types.js';
import type { PolicyDocument } from './policy-document.js';
import type { PolicySource } from './policy-source.js';
import { findActivePolicyVersion, POLICY_CHANNEL } from './policy-versions.repository.js';
import { recordBaseline, type BaselineRecord } from './record-baseline.js';

export interface PolicyStoreOptions {
  db: Db;
  fields: ReadonlyMap<string, FieldPlan>;
  /**
   * schema/policy.json as this gateway was deployed with it: recorded as a version (and audited)
   * at start when it differs from the baseline recorded last; in force until one is published.
   */
  baseline: PolicyDocument;
  /** LISTEN on the database; every instance hears a change the moment it commits. */
  listen: Listen;
  logger: Logger;
  /** A safety net should a notification be lost (reconnects). @default 5000 */
  pollMs?: number;
}

export interface PolicyStore extends PolicySource {
  /** Reloads the active version now (also called on each notification). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the active policy compiled in memory. Requests read it synchronously; a change
 * published by any instance arrives by LISTEN/NOTIFY and is swapped in whole, so a request
 * sees one version from start to end and every instance moves within a round trip. First it
 * records the deployed baseline, if it changed (see `recordBaseline`).
 */
export async function startPolicyStore(options: PolicyStoreOptions): Promise<PolicyStore> {
  const { db, fields, baseline, logger } = options;
  const record = await recordBaseline(db, baseline, fields);
  logBaseline(logger, record);
  // What is in force, never the file itself: a deployed file that waits for approval is not.
  const compileActive = (active: PolicyVersionRow | undefined): CompiledPolicy =>
    compilePolicy(active?.version ?? 0, active?.document ?? baseline, fields.values());
  let current = compileActive(await findActivePolicyVersion(db));
  let loading: Promise<void> | null = null;
  let again = false;

  const load = async () => {
    const active = await findActivePolicyVersion(db);
    if ((active?.version ?? 0) === current.version) return;
    current = compileActive(active);
    logger.info({ policyVersion: current.version }, 'policy version in force');
  };
  // A notification that arrives while a load is running may be for a commit that load did not
  // see: it asks for one more load rather than being folded into the running one.
  const refresh = (): Promise<void> => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await load();
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  };

  await refresh();
  const unlisten = await options.listen(POLICY_CHANNEL, () => {
    refresh().catch((error: unknown) => logger.error({ err: error }, 'reloading the policy failed'));
  });
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => logger.warn({ err: error }, 'policy poll failed'));
  }, options.pollMs ?? 5000);
  timer.unref();

  return {
    current: () => current,
    refresh,
    async stop() {
      clearInterval(timer);
      await unlisten();
    },
  };
}

/** Says at every start, not only the first, when the deployed file is not what is in force. */
function logBaseline(logger: Logger, { baseline, recorded, inForce }: BaselineRecord): void {
  const fields = { policyVersion: baseline.version, status: baseline.status, policyVersionInForce: inForce };
  if (baseline.status === 'pending') {
    logger.warn(
      fields,
      `schema/policy.json loosens the policy in force: it waits as version ${baseline.version} until a security admin approves it (approvePolicyVersion); version ${inForce} stays in force until then`,
    );
  } else if (baseline.status === 'rejected') {
    logger.warn(fields, `schema/policy.json (version ${baseline.version}) was rejected; version ${inForce} stays in force: change the file to propose another`);
  } else if (recorded) {
    logger.info(fields, 'baseline policy recorded');
  }
}
