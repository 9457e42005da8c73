/** Fans one stream of "the figures changed" signals out to every open page. */
export interface LiveUpdates {
  /** Registers a listener; the returned function removes it. */
  listen(listener: () => void): () => void;
  /** Tells every listener. */
  changed(): void;
}

/** A fan-out of change signals to the open server-sent-event streams. */
export const createLiveUpdates = (): LiveUpdates => {
  const listeners = new Set<() => void>();
  return {
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed: () => {
      for (const listener of listeners) listener();
    },
  };
};
