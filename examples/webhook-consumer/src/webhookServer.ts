import { createServer, type Server } from 'node:http';
import type { IntegrationMessage } from '@clientele/outbox';
import { SIGNATURE_HEADER, verifyWebhook } from '@clientele/outbox';

/**
 * The HTTP end of the consumer: refuses (401) a body whose signature does not verify under the
 * shared secret or is too old, hands the message to `handle`, and answers 2xx only once the
 * message is handled (or known), so the outbox retries anything else.
 */
export const createWebhookServer = (
  secret: string,
  handle: (message: IntegrationMessage) => 'handled' | 'duplicate',
): Server =>
  createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers[SIGNATURE_HEADER];
      if (!verifyWebhook(secret, body, typeof signature === 'string' ? signature : undefined)) {
        response.writeHead(401).end();
        return;
      }
      try {
        const outcome = handle(JSON.parse(body) as IntegrationMessage);
        response.writeHead(outcome === 'handled' ? 201 : 200).end();
      } catch {
        response.writeHead(500).end();
      }
    });
  });
