export type { PeerEngine } from './peerEngine.js';
export { emmettInMemoryPeer } from './emmettInMemory.js';
export { withPeer } from './withPeer.js';
