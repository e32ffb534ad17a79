import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { effectiveDecision } from './decide.js';
import { MASKS, applyMask } from './masks.js';
import { fieldDenied } from './plugin/field-denied.js';
import { effectiveMask } from './plugin/field-plan.js';
import { ALLOW, DENY, PSEUDONYM, type FieldPlan, type FieldReadSink, type RequestPolicy } from './plugin/types.js';

export interface GuardOptions<Context> {
  /** The request's policy, built in the context factory. */
  requestPolicy: (context: Context) => RequestPolicy;
  /** The field returns objects that say whose data they hold: the audit is handed what it returned. */
  holdsSubjects: boolean;
  /**
   * The resolver only reads a property of its parent, so it refuses nothing and cannot fail:
   * its reads need no watching.
   */
  readsProperty: boolean;
}

/**
 * A field's resolver with its plan enforced. Public fields keep their resolver (wrapped only
 * to hand the audit the objects they return, when they say whose data they hold); every other
 * field looks its decision up by index in the request's policy and returns the value, a masked
 * value, or a FIELD_DENIED error without calling the resolver. Sync resolvers stay sync: only
 * a promise is awaited, and only to mask it. A read is recorded as its decision said, and
 * taken back when the resolver throws or its promise rejects: a value the resolver refused
 * was not shown. The same guard serves a schema built on Warden's builder and an upstream's.
 */
export function guardResolver<Context>(
  plan: FieldPlan,
  resolver: GraphQLFieldResolver<unknown, Context, object>,
  options: GuardOptions<Context>,
): GraphQLFieldResolver<unknown, Context, object> {
  const { requestPolicy, holdsSubjects, readsProperty } = options;
  if (plan.index < 0) {
    if (!holdsSubjects) return resolver;
    // Public, so nothing to enforce: wrapped only to hand the audit the objects it returns
    // (whose data they are), once per field, not per object of a list.
    return (parent, args, context, info) => {
      const value = resolver(parent, args, context, info);
      requestPolicy(context).recorder?.returned(info, value);
      return value;
    };
  }

  const { coordinate, classification } = plan;
  const mask = MASKS[effectiveMask(plan)];
  const watched = (recorder: FieldReadSink, shown: 'allowed' | 'masked', parent: unknown, args: object, context: Context, info: GraphQLResolveInfo): unknown => {
    let value: unknown;
    try {
      value = resolver(parent, args, context, info);
    } catch (error) {
      recorder.failed(coordinate, classification, shown, error, parent, info);
      throw error;
    }
    // Observed, not replaced: execution awaits the resolver's own promise.
    if (isPromiseLike(value)) value.then(undefined, (error: unknown) => recorder.failed(coordinate, classification, shown, error, parent, info));
    return value;
  };

  return (parent, args, context, info) => {
    const policy = requestPolicy(context);
    const decision = effectiveDecision(plan, policy);
    const recorder = policy.recorder;
    if (decision === DENY) {
      recorder?.read(coordinate, classification, 'denied', parent, info);
      throw fieldDenied(coordinate, info);
    }
    const shown = decision === ALLOW ? 'allowed' : 'masked';
    recorder?.read(coordinate, classification, shown, parent, info);
    const value = recorder === null || readsProperty ? resolver(parent, args, context, info) : watched(recorder, shown, parent, args, context, info);
    if (holdsSubjects) recorder?.returned(info, value);
    if (decision === ALLOW) return value;
    if (decision === PSEUDONYM) {
      // effectiveDecision answers PSEUDONYM only where the request has its session's stand-ins.
      const pseudonyms = policy.pseudonyms;
      if (!pseudonyms) throw fieldDenied(coordinate, info);
      return isPromiseLike(value) ? Promise.resolve(value).then((v) => pseudonyms(plan, v)) : pseudonyms(plan, value);
    }
    return isPromiseLike(value) ? Promise.resolve(value).then((v) => applyMask(mask, v)) : applyMask(mask, value);
  };
}

/** A resolver's value that is a promise (or any thenable): awaited only where something must be done with it. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}
