import type { CompiledPolicy } from './compile-policy.js';

/** Where a request finds the policy in force: synchronous, so picking it costs nothing. */
export interface PolicySource {
  current(): CompiledPolicy;
  /** Reloads now, so the instance that published a version serves it from its next request. */
  refresh?(): Promise<void>;
}

/** A fixed policy: for tests and tools that need no live versions. */
export function staticPolicySource(policy: CompiledPolicy): PolicySource {
  return { current: () => policy };
}
