import type { WorkloadResult } from './workloads/index.js';

const format = (value: number | null, digits = 0): string =>
  value === null || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });

/** With `--peers`: the peer's ops/s and Clientele's ratio to it, for the note column. */
const peerNote = (r: WorkloadResult): string | undefined =>
  r.peer == null || r.peerOpsPerSec == null || r.opsPerSec === null
    ? undefined
    : `peer ${r.peer}: ${format(r.peerOpsPerSec)}/s, Clientele/peer ${format(r.opsPerSec / r.peerOpsPerSec, 2)}`;

/** The results as an aligned text table, one row per workload and engine. */
export const formatTable = (results: readonly WorkloadResult[]): string => {
  const header = [
    'workload',
    'engine',
    'ops/s',
    'raw ops/s',
    'ratio',
    'p50 ms',
    'p99 ms',
    'process peak RSS MB',
    'note',
  ];
  const rows = results.map((r) => [
    r.workload,
    r.engine,
    format(r.opsPerSec),
    format(r.rawOpsPerSec),
    format(r.ratio, 3),
    format(r.p50Ms, 3),
    format(r.p99Ms, 3),
    format(r.peakRssMb, 0),
    [
      r.note,
      r.conflictsRetried == null ? undefined : `${r.conflictsRetried} conflicts retried`,
      r.lostUpdates == null ? undefined : `${r.lostUpdates} lost updates`,
      peerNote(r),
    ]
      .filter((part) => part !== undefined)
      .join('; '),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i < 2 || i === cells.length - 1
          ? cell.padEnd(widths[i] ?? 0)
          : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

/**
 * The results as the JSON array `pnpm bench --json` prints: every row has the same keys, and
 * fields that do not apply are null.
 */
export const formatJson = (results: readonly WorkloadResult[]): string =>
  JSON.stringify(
    results.map(({ note: _note, ...figures }) => ({
      ...figures,
      conflictsRetried: figures.conflictsRetried ?? null,
      lostUpdates: figures.lostUpdates ?? null,
      readerEventsPerSec: figures.readerEventsPerSec ?? null,
      ...(figures.peer === undefined
        ? {}
        : { peer: figures.peer, peerOpsPerSec: figures.peerOpsPerSec ?? null }),
    })),
    null,
    2,
  );
