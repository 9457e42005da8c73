/**
 * A structured logger in pino's shape: a context object first, then the message. Pass a pino
 * logger (or a child of one) as is; Clientele logs nothing unless given one.
 *
 * @example
 * createReactorRunner({ ..., logger: pino().child({ component: 'reactors' }) });
 */
export interface Logger {
  debug(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

const nothing = (): void => undefined;

/** The default logger: says nothing. */
export const silentLogger: Logger = {
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
};
