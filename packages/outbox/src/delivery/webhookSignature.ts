import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries a webhook's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'clientele-signature';

/** The HMAC-SHA256, in hex, of `<timestamp>.<body>` under `secret`. */
const hmac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret)
    .update(`${String(timestamp)}.${body}`)
    .digest('hex');

/**
 * Signs a webhook body at `timestamp` (unix seconds): the value of {@link SIGNATURE_HEADER}.
 * The timestamp is inside the signed text, so a captured request cannot be replayed later.
 *
 * @example
 * headers[SIGNATURE_HEADER] = signWebhook(secret, body, Math.floor(Date.now() / 1000));
 */
export const signWebhook = (secret: string, body: string, timestamp: number): string =>
  `t=${String(timestamp)},v1=${hmac(secret, timestamp, body)}`;

/**
 * What a consumer checks before trusting a webhook: the signature matches the raw body under the
 * shared secret, and its timestamp is within `toleranceSeconds` (default 300) of `now` (unix
 * seconds; the system clock by default).
 *
 * @example
 * if (!verifyWebhook(secret, rawBody, req.headers[SIGNATURE_HEADER])) return reply(401);
 */
export const verifyWebhook = (
  secret: string,
  body: string,
  header: string | undefined,
  options: { readonly now?: number; readonly toleranceSeconds?: number } = {},
): boolean => {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (match === null) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
};
