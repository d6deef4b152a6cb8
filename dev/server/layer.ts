import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * One stage of the bundled server: handle the request, or call `next()` to pass it on.
 * The server is a list of layers (provider quirks, sign-in pages, then oidc-provider itself),
 * so imitating a provider's non-standard answer is one more layer in front.
 */
export type Layer = (req: IncomingMessage, res: ServerResponse, next: () => Promise<void>) => Promise<void>;

export function compose(layers: Layer[]): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return (req, res) => {
    const run = (i: number): Promise<void> => {
      const layer = layers[i];
      return layer ? layer(req, res, () => run(i + 1)) : Promise.resolve(notFound(res));
    };
    return run(0);
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const BODY_LIMIT = 64 * 1024;
const bodies = new WeakMap<IncomingMessage, Promise<Buffer | undefined>>();

/**
 * The request body, read by a layer *without* taking it from the layers behind it: oidc-provider
 * reads the stream itself (lib/shared/selective_body.js). The bytes are read in paused mode and
 * put back with `req.unshift()` before the stream emits 'end' — Node's documented way to
 * "un-consume" data for another party — so the provider finds a readable stream with the whole
 * body in it. (Setting `req.body` would also work, but oidc-provider then warns "already parsed
 * request body detected".) Read once per request; undefined when there is no body or it is
 * larger than 64 KiB (then it is put back unread by the layer, for the provider to refuse).
 */
export function bufferBody(req: IncomingMessage): Promise<Buffer | undefined> {
  let body = bodies.get(req);
  if (!body) {
    body = readAndPutBack(req);
    bodies.set(req, body);
  }
  return body;
}

function readAndPutBack(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.headers['content-length'] === '0' || !req.readable || req.readableEnded) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (complete: boolean) => {
      req.off('readable', onReadable).off('end', onEnd).off('close', onClose).off('error', onClose);
      const body = Buffer.concat(chunks, size);
      // Before 'end' has been emitted, the stream takes the bytes back and stays readable.
      if (size && !req.readableEnded) req.unshift(body);
      resolve(complete && size ? body : undefined);
    };
    const onReadable = () => {
      for (let chunk: Buffer | null; (chunk = req.read() as Buffer | null) !== null; ) {
        chunks.push(chunk);
        size += chunk.length;
        if (size > BODY_LIMIT) return done(false);
      }
      // `complete` is set once the parser has pushed the last byte of the message.
      if (req.complete) done(true);
    };
    const onEnd = () => done(true);
    const onClose = () => done(false);
    req.on('readable', onReadable).once('end', onEnd).once('close', onClose).once('error', onClose);
  });
}

/** The request's form parameters (a POST with an `application/x-www-form-urlencoded` body), left readable for later layers. */
export async function peekForm(req: IncomingMessage): Promise<URLSearchParams> {
  const form = req.method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
  const body = form ? await bufferBody(req) : undefined;
  return new URLSearchParams(body?.toString('utf8') ?? '');
}

/** A whole response, sent instead of what the later layers would have answered. */
export type Replacement = { status: number; headers: Record<string, string>; body: string };

/**
 * Kept from the replaced response: the provider's CORS headers (the extension reads the bundled
 * server's answers by CORS, without a host permission, and must still be able to read a replacement).
 */
const KEPT_ON_REPLACEMENT = /^(access-control-|vary$)/i;

/**
 * Lets a layer see, and change, what the layers behind it answer. `decide` runs once, just before
 * the status line goes out, with `res.statusCode` and the headers as set so far. It may change
 * them in place and return nothing, or return a whole replacement: its status, headers and body
 * go out instead (of the other headers only the CORS ones stay), and whatever the later layers
 * write is dropped (they still run to the end, with all their side effects).
 */
export function interceptResponse(res: ServerResponse, decide: (res: ServerResponse) => Replacement | undefined | void): void {
  const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let decided = false;
  let replaced = false;

  const head = (status: number, reasonOrHeaders?: unknown, headers?: unknown): ServerResponse => {
    if (decided) return res;
    decided = true;
    res.statusCode = status;
    if (typeof reasonOrHeaders === 'string') res.statusMessage = reasonOrHeaders;
    setHeaders(res, typeof reasonOrHeaders === 'string' ? headers : reasonOrHeaders);
    const replacement = decide(res);
    if (replacement) {
      replaced = true;
      for (const name of res.getHeaderNames()) if (!KEPT_ON_REPLACEMENT.test(name)) res.removeHeader(name);
      for (const [name, value] of Object.entries(replacement.headers)) res.setHeader(name, value);
      res.setHeader('content-length', Buffer.byteLength(replacement.body));
      writeHead(replacement.status, STATUS_CODES[replacement.status]);
      end(replacement.body);
      return res;
    }
    // A status changed by `decide` gets its own reason phrase, not the one set for the old status.
    return writeHead(res.statusCode, res.statusCode === status ? res.statusMessage : STATUS_CODES[res.statusCode]);
  };
  res.writeHead = head as ServerResponse['writeHead'];
  res.write = ((...args: unknown[]) => {
    if (!decided) head(res.statusCode);
    if (replaced) return true;
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (!decided) head(res.statusCode);
    if (replaced) {
      const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return res;
    }
    return end(...args);
  }) as ServerResponse['end'];
}

/** Sets the headers given to `writeHead`, in either of its forms (an object, or a flat name, value, … list). */
export function setHeaders(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    // writeHead's flat [name, value, name, value, …] form.
    for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
  } else if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
  }
}

/** Sends a whole response at once (a layer answering instead of the provider). */
export function send(res: ServerResponse, { status, headers, body }: Replacement): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body);
}

/**
 * Holds back what the later layers write (status, headers, body) until they end the response,
 * then sends it with the body `rewrite` returns and a `Content-Length` to match. interceptResponse
 * decides before the body exists, so it cannot do this. Stand such a layer closest to the provider.
 */
export function rewriteBody(res: ServerResponse, rewrite: (res: ServerResponse, body: Buffer) => Buffer): void {
  const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
  const end = res.end.bind(res) as (body: Buffer, callback?: () => void) => ServerResponse;
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, encoding as BufferEncoding | undefined));
    else chunks.push(Buffer.from(chunk as Uint8Array));
  };
  res.writeHead = ((status: number, reasonOrHeaders?: unknown, headers?: unknown) => {
    res.statusCode = status;
    if (typeof reasonOrHeaders === 'string') res.statusMessage = reasonOrHeaders;
    setHeaders(res, typeof reasonOrHeaders === 'string' ? headers : reasonOrHeaders);
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, typeof encoding === 'string' ? encoding : undefined);
    const done = [encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (done) queueMicrotask(done);
    return true;
  }) as ServerResponse['write'];
  let ended = false;
  res.end = ((...args: unknown[]) => {
    if (ended) return res;
    ended = true;
    keep(args[0], typeof args[1] === 'string' ? args[1] : undefined);
    const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    const body = rewrite(res, Buffer.concat(chunks));
    res.setHeader('content-length', body.length);
    writeHead(res.statusCode, res.statusMessage);
    return end(body, done);
  }) as ServerResponse['end'];
}
