import type { IncomingMessage, ServerResponse } from 'node:http';

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
