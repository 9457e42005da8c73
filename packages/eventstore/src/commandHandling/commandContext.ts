import type { Actor } from '../envelope/metadata.js';

/**
 * What a caller says about a command besides its content: its id (the idempotency key), who issues
 * it, when it happened in business time, and what it belongs to. It becomes the events' metadata.
 */
export interface CommandContext {
  /** Unique per command; sending the same id again appends nothing new. */
  readonly commandId: string;
  readonly actor: Actor;
  /** Business time (ISO-8601 with offset); the replay never reads the clock. */
  readonly occurredAt: string;
  /** The operation this command is part of; defaults to the command id. */
  readonly correlationId?: string | undefined;
  /** The event or command that caused this one; null for a user's own action. */
  readonly causationId?: string | null | undefined;
  /** The tenant the command is for, stamped on its events. */
  readonly tenantId?: string | undefined;
  /** How the command came in, when not by hand (an import's mapping and file hashes). */
  readonly how?: Readonly<Record<string, string>> | undefined;
}
