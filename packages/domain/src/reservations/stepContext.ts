import type { CommandContext } from '@clientele/eventstore';
import { v5 as uuidv5 } from 'uuid';

// A fixed namespace so the same caller command always yields the same step ids, on any machine.
const STEP_NAMESPACE = '6f1d3c1e-8a52-4d0b-9f3e-2b7f1b9f0c11';

/**
 * The context of one step a service takes on behalf of a caller's command (claim a key, register,
 * release): its own command id, derived from the caller's id and the step's purpose, so retrying
 * the caller's command repeats each step idempotently instead of doing it twice. The step is
 * correlated with the caller's command and shares its cause: a person's own registration has none,
 * a reactor's points at the event it reacted to. (Pointing at the caller's command id instead
 * would name something no event carries as its id, a link an auditor cannot follow.)
 */
export const stepContext = (context: CommandContext, purpose: string): CommandContext => ({
  ...context,
  commandId: uuidv5(`${context.commandId}|${purpose}`, STEP_NAMESPACE),
  correlationId: context.correlationId ?? context.commandId,
  causationId: context.causationId ?? null,
});
