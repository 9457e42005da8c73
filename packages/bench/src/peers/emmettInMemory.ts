import { getInMemoryEventStore } from '@event-driven-io/emmett';
import type { PeerEngine } from './peerEngine.js';
import { emmettPeer } from './emmettPeer.js';

/** Emmett's in-memory event store (`getInMemoryEventStore`), the peer of the in-memory engine. */
export const emmettInMemoryPeer: PeerEngine = emmettPeer('emmett 0.42 (in-memory)', (body) =>
  body(getInMemoryEventStore()),
);
