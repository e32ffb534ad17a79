import { processRegularResult, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

/** `application/json`, with or without parameters (`; charset=utf-8`), in any case. */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/** The media types the gateway answers in (yoga's result processors). */
const ANSWERED_MEDIA_TYPES = ['application/graphql-response+json', 'application/json', 'text/event-stream', 'multipart/mixed'] as const;

/**
 * How a request is written, checked before anything reads it, each refusal with a sentence
 * saying what to send (and so on the trail, as every refusal of a known caller):
 *
 * - A POST must be JSON. yoga would also read form, multipart and `application/graphql` bodies;
 *   the gateway serves one format, so a browser form or a file upload is refused (415). A media
 *   type is case-insensitive (`Application/JSON`, `application/json ; charset=utf-8`): yoga reads
 *   only the lower-case spelling, so the others are read here.
 * - A GET's `variables` and `extensions` must be JSON (400): yoga's parser would throw, and the
 *   caller's mistake would leave as a server error.
 * - The Accept header must allow a type the gateway answers in (406), checked before the
 *   operation runs: yoga chooses the answer's type only after execution, so a mutation would
 *   take effect and its answer be withheld. The refusal itself is answered as JSON.
 */
export function useMediaTypeCheck(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!acceptsAnAnswer(request.headers.get('accept'))) {
        throw wardenError('BAD_REQUEST', 'The Accept header allows no type this gateway answers in; accept application/json or application/graphql-response+json.', {
          http: { status: 406 },
        });
      }
      if (request.method === 'GET' && requestParser) {
        const parse = requestParser;
        setRequestParser(async (unread) => {
          try {
            return await parse(unread);
          } catch (error) {
            if (error instanceof SyntaxError) {
              throw wardenError('BAD_REQUEST', 'The "variables" and "extensions" parameters of a GET must be JSON, URL-encoded: variables=%7B%22first%22%3A5%7D.', {
                http: { status: 400 },
              });
            }
            throw error;
          }
        });
        return;
      }
      if (request.method !== 'POST') return;
      const contentType = request.headers.get('content-type') ?? '';
      if (!JSON_CONTENT_TYPE.test(contentType)) {
        throw wardenError('BAD_REQUEST', 'Send GraphQL requests as JSON with "Content-Type: application/json".', {
          http: { status: 415 },
        });
      }
      // JSON, but spelled as yoga's own parser does not read it (`Application/JSON`).
      if (!requestParser) setRequestParser(parseJsonBody);
    },
    onResultProcess({ resultProcessor, setResultProcessor }) {
      // Only a refusal gets here without a type the client accepts (see above): answered as JSON.
      if (!resultProcessor) setResultProcessor(processRegularResult, 'application/json');
    },
  };
}

/**
 * Whether an Accept header lets the gateway answer, read as yoga reads it when it chooses the
 * answer's type: each media range (its parameters aside, a charset other than UTF-8 excluded)
 * against the types it answers in, `*` matching either half. No header accepts anything.
 */
export function acceptsAnAnswer(accept: string | null): boolean {
  if (accept === null || accept.trim() === '') return true;
  for (const range of accept.replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType = '', ...parameters] = range.split(';');
    const charset = parameters.find((parameter) => parameter.includes('charset='));
    if (charset !== undefined && charset !== 'charset=utf-8') continue;
    const [type, subtype] = mediaType.split('/');
    if (ANSWERED_MEDIA_TYPES.some((answered) => matches(answered, type, subtype))) return true;
  }
  return false;
}

function matches(answered: string, type: string | undefined, subtype: string | undefined): boolean {
  const [answeredType, answeredSubtype] = answered.split('/');
  return (type === '*' || type === answeredType) && (subtype === '*' || subtype === answeredSubtype);
}

/** A JSON body as yoga's own parser reads it, for the spellings of the media type yoga does not recognise. */
async function parseJsonBody(request: Request): Promise<GraphQLParams> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    // The message useErrorCodes turns into its sentence, as for yoga's parser.
    throw wardenError('BAD_REQUEST', 'POST body sent invalid JSON.', { http: { status: 400 } });
  }
  if (typeof body !== 'object' || body === null) throw wardenError('BAD_REQUEST', 'POST body is expected to be object', { http: { status: 400 } });
  return body as GraphQLParams;
}
