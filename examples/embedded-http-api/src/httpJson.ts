import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body accepted, so a client cannot exhaust memory. */
const MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON request body; a body that is not JSON is a `SyntaxError` the router turns into 400. */
export const readJson = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
};

/** Writes a JSON response; bigints (revisions, positions) as decimal strings. */
export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
};
