/**
 * Errors answered as JSON `{ error: '<code>', message: '<human sentence>' }` (shared/sync
 * `ApiError`). Services throw `HttpError`; the app's error handler also translates Fastify's
 * own errors (malformed JSON, body too large) into that shape.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '../shared/sync';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, code = 'invalid_request') => new HttpError(400, code, message);
export const unauthorized = (message = 'a valid access token is required') =>
  new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);

/** Fastify's body-parsing errors, with our codes and sentences. */
function translate(error: FastifyError, bodyLimit: number): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(
        413,
        'payload_too_large',
        `The request body is larger than the limit of ${bodyLimit} bytes.`,
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid_json', `The request body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'The request body is empty; a JSON body is required.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
    default:
      return null;
  }
}

/** A refused body is read and discarded up to this many times the limit, then the socket is closed. */
export const DISCARD_FACTOR = 4;
/** …and for this long at most (a client trickling its body holds nothing longer). */
const DISCARD_TIMEOUT_MS = 30_000;

/**
 * Reads and drops what is left of a request body, so the client — still writing it — reads the
 * answer instead of a connection reset. Resolves true once the body ended, false past `max`
 * bytes, a timeout, or an error (the connection is then closed after the answer).
 */
export function discardBody(raw: IncomingMessage, max: number): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onClose);
      if (!drained) raw.pause();
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > max) finish(false);
    };
    const onEnd = () => finish(true);
    const onFail = () => finish(false);
    const onClose = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), DISCARD_TIMEOUT_MS);
    raw.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onClose);
    raw.resume();
  });
}

export function installErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler<FastifyError>(async (error, request, reply) => {
    const known = error instanceof HttpError ? error : translate(error, bodyLimit);
    if (known?.status === 413) {
      // Fastify answers at once and closes, while the client is still sending: read the rest.
      if (await discardBody(request.raw, DISCARD_FACTOR * bodyLimit)) reply.removeHeader('connection');
      else reply.header('connection', 'close');
    }
    if (known) {
      void reply
        .code(known.status)
        .headers(known.headers)
        .send({ error: known.code, message: known.message } satisfies ApiError);
      return;
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      void reply.code(status).send({ error: 'bad_request', message: error.message } satisfies ApiError);
      return;
    }
    request.log.error({ err: error }, 'request failed');
    void reply
      .code(500)
      .send({ error: 'internal', message: 'The server failed to handle the request.' } satisfies ApiError);
  });
}
