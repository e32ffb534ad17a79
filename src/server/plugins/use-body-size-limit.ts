import { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

/** Only one non-negative integer is a valid Content-Length; a list or a sign is refused. */
const CONTENT_LENGTH = /^\d+$/;

/**
 * A request body over `maxBytes` is refused (413) before it is read whole, and a malformed
 * Content-Length (400) before it is read at all. Runs after every plugin that may choose a
 * request parser, as yoga's own limit did (this replaces it: `maxRequestBodySize: false`).
 *
 * yoga's limit passes every body through a stream transform, a stream pipeline and a second
 * Request; on the gateway's small JSON bodies that was about 0.15 ms of CPU a request. Where
 * Node's HTTP parser delivered the body with a declared length and no Transfer-Encoding, it
 * delivers at most that many bytes (what follows is read as the next request), so checking the
 * header is the whole limit. Everywhere else (a chunked body, a body a framework in front read
 * first, a Request built in memory and passed to `fetch`, another runtime's adapter) the body is
 * counted as it is read.
 */
export function useBodySizeLimit(maxBytes: number): Plugin {
  const tooLarge = () =>
    wardenError('BAD_REQUEST', `The request body is over ${maxBytes} bytes; send a shorter query or smaller variables.`, {
      http: { status: 413 },
    });
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw wardenError('BAD_REQUEST', "The Content-Length header must be one whole number: the body's length in bytes.", {
            http: { status: 400 },
          });
        }
        if (Number(declared) > maxBytes) throw tooLarge();
      }
      if (!requestParser || !request.body) return;
      if (declared !== null && !request.headers.has('transfer-encoding') && streamsFromSocket(serverContext)) return;
      const parse = requestParser;
      setRequestParser(async (unread) => {
        if (!unread.body) return parse(unread);
        const body = await readWithin(unread.body, maxBytes, tooLarge);
        return parse(new fetchAPI.Request(unread.url, { method: unread.method, headers: unread.headers, signal: unread.signal, body }));
      });
    },
  };
}

/**
 * Whether the body is read from Node's own request, as its HTTP parser framed it. Not when a
 * framework in front read it first and left what it read as `req.body` (a Buffer or text, maybe
 * inflated from a compressed body): the adapter then serves that, whatever length the header
 * declared, so it is counted.
 */
function streamsFromSocket(serverContext: unknown): boolean {
  const req: unknown = typeof serverContext === 'object' && serverContext !== null ? Reflect.get(serverContext, 'req') : undefined;
  return req instanceof IncomingMessage && Reflect.get(req, 'body') == null;
}

/** The whole body, or `tooLarge()` as soon as more than `maxBytes` have arrived (the rest unread). */
async function readWithin(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Buffer<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}
