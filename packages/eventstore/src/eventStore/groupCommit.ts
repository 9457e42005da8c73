/**
 * Group commit, the capability an engine offers for bulk work such as an import: many commands'
 * appends go into one transaction, so the per-transaction cost (the write lock, the log pages, the
 * round trip) is paid once per group instead of once per command.
 *
 * Nothing about a command changes: each is still decoded, authorized and decided on its own,
 * against the state the commands before it left (reads see the open group's appends), and each
 * append is still checked against its own expected revision and command id. What changes is only
 * when the appends become durable: at the commits the engine makes between commands, never inside
 * one, so a crash leaves whole commands only.
 *
 * `work` receives `commandDone`: await it after every command (between two commands, never inside
 * one). The engine may commit there and open the next transaction. When `work` resolves, what is
 * left is committed; when it rejects (a fault), what was not yet committed is rolled back and the
 * rejection is passed on. Groups do not nest.
 */
export type GroupCommitter = <T>(
  work: (commandDone: () => Promise<void>) => Promise<T>,
) => Promise<T>;
