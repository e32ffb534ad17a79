import { errorCodeOf, wardenError } from '../errors/index.js';
import type { Logger } from '../log/logger.js';
import type { CustomerIdentity, SupportAccess, WardenIdentity } from './identity.js';

/**
 * Why `identity` cannot serve as an identity hook, as a sentence for whoever starts Warden;
 * null when it can. Checked at start (`startWarden`, `createGateway`), before anything is served.
 */
export function identityHookProblem(identity: unknown): string | null {
  if (typeof identity === 'object' && identity !== null && typeof Reflect.get(identity, 'customer') === 'function') return null;
  const got = identity === null ? 'null' : typeof identity === 'object' ? 'an object without a `customer` function' : typeof identity;
  return `The identity hook (\`identity\`) must be an object with a \`customer(id, within)\` function that answers who a customer is (see WardenIdentity in docs/adopting.md); it is ${got}.`;
}

/**
 * The application's identity hook, as every part of Warden asks it. A hook that throws (its
 * database is down, a bug) or answers something Warden cannot use (undefined, another
 * customer than the one asked for, a field missing) refuses whatever asked with
 * `IDENTITY_UNAVAILABLE` (503), and an error log line names the hook and what went wrong.
 * Nothing goes on as if the customer were someone else, or nobody: an unknown customer is
 * the hook's `null`, never its failure.
 */
export function checkedIdentity(identity: WardenIdentity, logger: Logger): WardenIdentity {
  const problem = identityHookProblem(identity);
  if (problem) throw new Error(problem);
  return {
    async customer(id, within) {
      let answer: unknown;
      try {
        answer = await identity.customer(id, within);
      } catch (error) {
        // In proxy mode the upstream answers who a customer is: down, it is refused as its fields are.
        if (errorCodeOf(error) === 'UPSTREAM_UNAVAILABLE') throw error;
        logger.error({ err: error, customerId: id }, 'the identity hook failed: its customer(id) threw, so Warden refused what needed the answer (IDENTITY_UNAVAILABLE)');
        throw identityUnavailable();
      }
      const wrong = answerProblem(answer, id);
      if (wrong !== null) {
        logger.error({ customerId: id, problem: wrong }, `the identity hook's customer(id) gave an answer Warden cannot use (${wrong}), so Warden refused what needed it (IDENTITY_UNAVAILABLE)`);
        throw identityUnavailable();
      }
      // Checked field by field in `answerProblem`: TypeScript cannot follow that to the type.
      return answer as CustomerIdentity | null;
    },
  };
}

function identityUnavailable() {
  return wardenError(
    'IDENTITY_UNAVAILABLE',
    "Warden could not learn who the customer is from the application (its identity hook failed), so it refused rather than guess; try again in a moment.",
  );
}

const SUPPORT_ACCESS: readonly SupportAccess[] = ['allow', 'ask_first', 'never'];

/** What is wrong with a hook's answer for customer `id`, in a few words; null when it is usable. */
function answerProblem(answer: unknown, id: string): string | null {
  if (answer === null) return null;
  if (answer === undefined) return 'undefined: answer null when there is no such customer';
  if (typeof answer !== 'object') return `a ${typeof answer}, not a customer or null`;
  const field = (name: string) => Reflect.get(answer, name);
  if (field('id') !== id) return `a customer whose id is not the one asked for (${typeof field('id') === 'string' ? 'another id' : `a ${typeof field('id')}`})`;
  for (const name of ['name', 'role']) if (typeof field(name) !== 'string') return `a customer without a string \`${name}\``;
  for (const name of ['email', 'privileged']) {
    const value = field(name);
    if (value !== null && typeof value !== 'string') return `a customer whose \`${name}\` is neither a string nor null`;
  }
  const account: unknown = field('account');
  if (typeof account !== 'object' || account === null) return 'a customer without an `account`';
  if (typeof Reflect.get(account, 'id') !== 'string' || typeof Reflect.get(account, 'name') !== 'string') return 'an account without a string `id` and `name`';
  if (typeof Reflect.get(account, 'sensitive') !== 'boolean') return 'an account whose `sensitive` is not a boolean';
  const supportAccess: unknown = Reflect.get(account, 'supportAccess');
  if (!SUPPORT_ACCESS.some((value) => value === supportAccess)) return `an account whose \`supportAccess\` is not one of ${SUPPORT_ACCESS.join(', ')}`;
  return null;
}
