import type { ExecutionResult } from '@graphql-tools/utils';

/**
 * Upstream answers forwarding fetched but left to execution (an error in them, a value the
 * walk does not cover), by request context and root field response key: the root field's
 * resolver takes its answer from here instead of asking the upstream a second time. Kept per
 * context object, so a request's answers go when it does.
 */
export class PrefetchedAnswers {
  readonly #byContext = new WeakMap<object, Map<string, ExecutionResult>>();

  keep(context: object, key: string, answer: ExecutionResult): void {
    let answers = this.#byContext.get(context);
    if (!answers) this.#byContext.set(context, (answers = new Map()));
    answers.set(key, answer);
  }

  /** The answer kept for this root field, once: a second execution of it asks the upstream. */
  take(context: object, key: string): ExecutionResult | undefined {
    const answers = this.#byContext.get(context);
    const answer = answers?.get(key);
    answers?.delete(key);
    return answer;
  }
}
