import { readFileSync } from 'node:fs';
import type { ExecutionResult, Executor } from '@graphql-tools/utils';
import { buildASTSchema, buildClientSchema, getIntrospectionQuery, Kind, parse, type DocumentNode, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

/** The directive an upstream's SDL may carry to classify its fields where it is written. */
export const DATA_CLASS_DIRECTIVE = 'dataClass';
const DATA_CLASS_DIRECTIVE_SDL = `directive @${DATA_CLASS_DIRECTIVE}(class: String!, mask: String) on FIELD_DEFINITION`;

/** Neither an SDL file nor the upstream's introspection gave a schema: the start stops, saying what to fix. */
export class UpstreamSchemaUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UpstreamSchemaUnavailable';
  }
}

export interface UpstreamSchemaSource {
  /** WARDEN_UPSTREAM_SDL: the upstream's schema as SDL, committed beside its classification. */
  sdlPath?: string;
  /** Otherwise the upstream is asked (introspection), as Warden itself. */
  introspect?: Executor;
  /** For messages: the upstream's URL. */
  url: string;
}

/**
 * The upstream's schema, read at start: from its SDL file when one is given (it may carry
 * `@dataClass(class:, mask:)` on its fields), else by introspecting the upstream. Neither
 * working is a clear error: which was tried, what failed, what to set.
 */
export async function loadUpstreamSchema(source: UpstreamSchemaSource): Promise<GraphQLSchema> {
  if (source.sdlPath) return schemaFromSdlFile(source.sdlPath);
  if (!source.introspect) {
    throw new UpstreamSchemaUnavailable(`No schema for the upstream ${source.url}: set WARDEN_UPSTREAM_SDL to its SDL file, or let Warden introspect it.`);
  }
  try {
    return await schemaByIntrospection(source.introspect);
  } catch (error) {
    throw new UpstreamSchemaUnavailable(
      `Warden could not read the schema of the upstream ${source.url} by introspection (${error instanceof Error ? error.message : String(error)}): check that it is running and reachable from here, that it allows introspection to Warden's service token, or set WARDEN_UPSTREAM_SDL to its SDL file.`,
      { cause: error },
    );
  }
}

/** The upstream's schema from its introspection; its errors (cleaned by the executor) thrown as they came. */
async function schemaByIntrospection(introspect: Executor): Promise<GraphQLSchema> {
  const result = (await introspect({ document: parse(getIntrospectionQuery()) })) as ExecutionResult<IntrospectionQuery>;
  if (result.data?.__schema) return buildClientSchema(result.data);
  const errors = result.errors ?? [];
  if (errors.length === 1 && errors[0]) throw errors[0];
  throw new Error(errors.length > 0 ? errors.map((error) => error.message).join('; ') : 'no introspection result came back');
}

/** Builds a schema from an SDL file; `@dataClass` is declared for it when the file does not. */
export function schemaFromSdlFile(path: string): GraphQLSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'it cannot be read';
    throw new UpstreamSchemaUnavailable(`WARDEN_UPSTREAM_SDL is ${path}, but ${why}: point it at the upstream's schema (SDL), or unset it to introspect the upstream.`, { cause: error });
  }
  try {
    return buildASTSchema(withDataClassDirective(parse(text)));
  } catch (error) {
    throw new UpstreamSchemaUnavailable(`${path} is not a schema Warden can serve: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function withDataClassDirective(document: DocumentNode): DocumentNode {
  const declared = document.definitions.some((d) => d.kind === Kind.DIRECTIVE_DEFINITION && d.name.value === DATA_CLASS_DIRECTIVE);
  return declared ? document : { ...document, definitions: [...document.definitions, ...parse(DATA_CLASS_DIRECTIVE_SDL).definitions] };
}
