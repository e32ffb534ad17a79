import type { GraphQLObjectType, ResponsePath } from 'graphql';
import { effectiveDecision } from '../policy/decide.js';
import { applyMask } from '../policy/masks.js';
import { ALLOW, MASK, type FieldPlan, type FieldReadSink, type RequestPolicy } from '../policy/plugin/types.js';
import type { FieldStep, ValueShape } from './answer-plan.js';

/** What the walk answers where graphql-js would have raised an error: the operation then executes as any other. */
export const NOT_COVERED: unique symbol = Symbol('not covered by forwarding');

type Field = Extract<FieldStep, { kind: 'field' }>;

/** A read the guard would have recorded, held until the whole answer has been walked. */
interface PendingRead {
  plan: FieldPlan;
  shown: 'allowed' | 'masked';
  parent: unknown;
  path: ResponsePath;
  parentType: GraphQLObjectType;
}

/**
 * The upstream's answer served as execution over the guarded schema would serve it, walked once
 * along the operation's plan: each classified field decided, masked and recorded as its guard
 * does (`effectiveDecision`, the plan's mask, one read per object, in execution order), every
 * leaf serialized by its type, objects built with the selected keys in selection order. Reads
 * reach the recorder only once the whole answer has been walked: an answer the walk does not
 * cover (a null where the schema says non-null, a value a scalar refuses) records nothing here
 * and executes as any other, where the guard records it.
 */
export class AnswerWalk {
  readonly #policy: RequestPolicy;
  /** Root fields' reads go first: execution's guards record every root field before any answer arrives. */
  readonly #rootReads: PendingRead[] = [];
  readonly #pending: PendingRead[] = [];

  constructor(policy: RequestPolicy) {
    this.#policy = policy;
  }

  /** A root field's value, completed; NOT_COVERED where execution would fail. */
  root(step: Field, rootValue: unknown, value: unknown, queryType: GraphQLObjectType): unknown {
    return this.#field(step, rootValue, value, queryType, undefined, this.#rootReads);
  }

  /** Hands the reads to the recorder, as the guard would have, field by field, object by object. */
  record(recorder: FieldReadSink): void {
    for (const reads of [this.#rootReads, this.#pending]) {
      for (const read of reads) recorder.readAt(read.plan.coordinate, read.plan.classification, read.shown, read.parent, read.path, read.parentType);
    }
  }

  /** A field's value read of `parent` (of `parentType`, at `parentPath`), completed; NOT_COVERED where execution would fail. */
  #field(step: Field, parent: unknown, value: unknown, parentType: GraphQLObjectType, parentPath: ResponsePath | undefined, reads: PendingRead[]): unknown {
    const { plan, shape } = step;
    // A public scalar is neither recorded nor a parent: it needs no path of its own.
    if (plan.index < 0 && shape.kind === 'leaf') return this.#complete(shape, value, parentPath);
    const path: ResponsePath = { prev: parentPath, key: step.key, typename: parentType.name };
    if (plan.index >= 0) {
      const decision = effectiveDecision(plan, this.#policy);
      // Denied fields are left to execution: forwarding is not offered an operation with one.
      if (decision !== ALLOW && decision !== MASK) return NOT_COVERED;
      if (this.#policy.recorder) reads.push({ plan, shown: decision === ALLOW ? 'allowed' : 'masked', parent, path, parentType });
      if (decision === MASK) return this.#complete(shape, applyMask(step.mask, value), path);
    }
    return this.#complete(shape, value, path);
  }

  /** `path` locates the value; only objects and their fields read it (a leaf's is left undefined where unused). */
  #complete(shape: ValueShape, value: unknown, path: ResponsePath | undefined): unknown {
    if (value === null || value === undefined) return shape.nonNull ? NOT_COVERED : null;
    switch (shape.kind) {
      case 'leaf': {
        let serialized: unknown;
        try {
          serialized = shape.type.serialize(value);
        } catch {
          return NOT_COVERED;
        }
        return serialized === undefined ? NOT_COVERED : serialized;
      }
      case 'list': {
        if (!Array.isArray(value)) return NOT_COVERED;
        const items: unknown[] = new Array(value.length);
        const located = shape.item.kind !== 'leaf';
        for (let index = 0; index < value.length; index++) {
          const item = this.#complete(shape.item, value[index], located ? { prev: path, key: index, typename: undefined } : undefined);
          if (item === NOT_COVERED) return NOT_COVERED;
          items[index] = item;
        }
        return items;
      }
      case 'object': {
        if (typeof value !== 'object' || Array.isArray(value)) return NOT_COVERED;
        const object: Record<string, unknown> = {};
        for (const step of shape.fields) {
          if (step.kind === 'typename') {
            object[step.key] = shape.type.name;
            continue;
          }
          const completed = this.#field(step, value, Reflect.get(value, step.key), shape.type, path, this.#pending);
          if (completed === NOT_COVERED) return NOT_COVERED;
          object[step.key] = completed;
        }
        return object;
      }
    }
  }
}
