import type { ExecutionResult } from '@graphql-tools/utils';
import { GraphQLError, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLTypeResolver } from 'graphql';

type Answer = Record<string | number, unknown>;

/**
 * The value the upstream answered for one root field (under `key`), with each error it sent in
 * place of the null it left: at the path the error names, or, when an upstream non-null made a
 * value above it null, at that value. A field whose value is an error throws it there, located
 * at the field; a list item that is one fails with the upstream's path, naming the field that
 * failed below it. An error without a path stands for the whole field when nothing came back.
 * A second error where one already stands is left out: the field fails once.
 */
export function answerOf(key: string, result: ExecutionResult): unknown {
  const answer: Answer = { [key]: (result.data as Answer | null | undefined)?.[key] ?? null };
  for (const error of result.errors ?? []) {
    const path = error.path;
    if (!path || path.length === 0) {
      if (answer[key] === null) answer[key] = error;
      continue;
    }
    if (path[0] !== key) continue;
    let holder: Answer = answer;
    let at = 0;
    while (at < path.length - 1) {
      const next = holder[path[at] as string | number];
      if (typeof next !== 'object' || next === null || next instanceof Error) break;
      holder = next as Answer;
      at++;
    }
    const step = path[at] as string | number;
    if (holder[step] == null) holder[step] = error;
  }
  return answer[key];
}

/**
 * A nested field of the upstream: its value in the upstream's answer, under the field's response
 * key (the alias it was asked under, or its name); an upstream error in its place is thrown here.
 */
export const readAnswer: GraphQLFieldResolver<unknown, unknown, object> = (source, _args, _context, info) => {
  const value = (source as Answer)[info.path.key];
  if (value instanceof Error) throw thrownAt(value, info);
  return value;
};

/**
 * What the upstream failed, as the error of the field that asked: located at this field (which
 * names it in the audit trail) rather than at the upstream's path. Thrown, not returned: the
 * guard would take an error value for a value, mask it into a string and record it as shown;
 * thrown, the read is taken back.
 */
export function thrownAt(error: Error, info: GraphQLResolveInfo): Error {
  if (!(error instanceof GraphQLError)) return error;
  return new GraphQLError(error.message, { nodes: info.fieldNodes, path: responsePathAsArray(info.path), originalError: error.originalError, extensions: error.extensions });
}

/** The object's type as the upstream named it: every selection of an interface or union asks for `__typename`. */
export const typeNamed: GraphQLTypeResolver<unknown, unknown> = (value) => {
  const name = (value as Answer | null)?.['__typename'];
  return typeof name === 'string' ? name : undefined;
};
