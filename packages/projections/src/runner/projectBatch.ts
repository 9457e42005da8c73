import type { Position, RecordedEvent } from '@clientele/eventstore';
import { comparePositions } from '@clientele/eventstore';
import { applyEvent, keysTouched } from '../projection/applyEvent.js';
import type { StoredDocument } from '../projection/storedDocument.js';
import type { BatchCommit, DocumentChange, ReadModelStore } from '../store/readModelStore.js';
import { isAhead, type Target } from './target.js';

/**
 * Projects one batch of events into every target and commits the changed documents with the new
 * checkpoints in one transaction. Each target's documents of the batch are loaded once; memory
 * holds one batch's documents, never the read model.
 */
export const projectBatch = async (
  readModels: ReadModelStore,
  targets: readonly Target[],
  events: readonly RecordedEvent[],
  upTo: Position,
): Promise<void> => {
  const documents: DocumentChange[] = [];
  const checkpoints: BatchCommit['checkpoints'][number][] = [];
  for (const target of targets) {
    if (target.checkpoint !== undefined && comparePositions(upTo, target.checkpoint) <= 0) continue;
    const pending = events.filter((event) => isAhead(target, event));
    const keys = new Set(pending.flatMap((event) => keysTouched(target.projection, event)));
    const working = new Map<string, StoredDocument>(
      keys.size === 0 ? [] : await readModels.loadDocuments(target, [...keys]),
    );
    const changed = new Set<string>();
    for (const event of pending) {
      for (const key of applyEvent(target.projection, working, event)) changed.add(key);
    }
    for (const key of changed) {
      const document = working.get(key);
      if (document !== undefined)
        documents.push({ name: target.name, build: target.build, document });
    }
    checkpoints.push({ name: target.name, build: target.build, position: upTo });
  }
  if (checkpoints.length === 0) return;
  await readModels.commit({ documents, checkpoints });
  for (const target of targets) {
    if (target.checkpoint === undefined || comparePositions(upTo, target.checkpoint) > 0) {
      target.checkpoint = upTo;
    }
  }
};
