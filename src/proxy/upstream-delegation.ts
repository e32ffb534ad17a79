import { MapperKind, mapSchema, type ExecutionResult, type Executor } from '@graphql-tools/utils';
import { GraphQLInterfaceType, GraphQLUnionType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../graphql/context.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import { askOnlyShown } from './ask-only-shown.js';
import { PrefetchedAnswers } from './prefetched-answers.js';
import { rootFieldRequest } from './root-field-request.js';
import { answerOf, readAnswer, thrownAt, typeNamed } from './upstream-answer.js';

/**
 * The upstream's schema executing against the upstream: each root field sends its own selection
 * (`rootFieldRequest`, denied fields left out) through `executor` and answers with the
 * upstream's JSON, where every nested field reads its value by response key (`readAnswer`).
 * The answer is not copied or annotated object by object: a list of a thousand objects costs
 * one property read per field, as a native schema's does. `plans` is filled once the served
 * schema is built. A root field whose answer forwarding already fetched (`prefetched`) takes it
 * from there.
 */
export function delegatingSchema(served: GraphQLSchema, executor: Executor, plans: ReadonlyMap<string, FieldPlan>, prefetched: PrefetchedAnswers = new PrefetchedAnswers()): GraphQLSchema {
  const roots = new Set([served.getQueryType()?.name, served.getMutationType()?.name].filter((name) => name !== undefined));
  const sendRootField: GraphQLFieldResolver<unknown, GatewayContext, object> = async (_parent, _args, context, info) => {
    const result = (context && prefetched.take(context, info.path.key as string)) ?? (await executor({ ...rootFieldRequest(info, askOnlyShown(plans, context?.policy)), context, operationType: info.operation.operation }));
    if (!isExecutionResult(result)) throw new Error(`The upstream answered ${info.parentType.name}.${info.fieldName} with a stream, which Warden does not proxy.`);
    const value = answerOf(info.path.key as string, result);
    if (value instanceof Error) throw thrownAt(value, info);
    return value;
  };
  return mapSchema(served, {
    [MapperKind.OBJECT_FIELD]: (config, _fieldName, typeName) => ({ ...config, resolve: roots.has(typeName) ? sendRootField : readAnswer }),
    [MapperKind.INTERFACE_TYPE]: (type) => new GraphQLInterfaceType({ ...type.toConfig(), resolveType: typeNamed }),
    [MapperKind.UNION_TYPE]: (type) => new GraphQLUnionType({ ...type.toConfig(), resolveType: typeNamed }),
  });
}

function isExecutionResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
