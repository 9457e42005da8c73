import type { CliIo } from '../io.js';

/** How far a long job has got, as the projection runner and the generators report it. */
export interface Progress {
  readonly done: number;
  /** Total when known; the bar then shows a percentage and the time left. */
  readonly total?: number;
  readonly unit: string;
}

/** A progress bar on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export interface ProgressBar {
  update(progress: Progress): void;
  /** Draws the final state and ends the line. */
  finish(progress: Progress): void;
}

const WIDTH = 30;
const LOG_INTERVAL_MS = 2_000;
const DRAW_INTERVAL_MS = 100;

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
};

/** Renders one line: bar, percentage, count, rate and estimated time left. */
export const renderProgress = (progress: Progress, elapsedSeconds: number): string => {
  const rate = elapsedSeconds > 0 ? progress.done / elapsedSeconds : 0;
  const count = `${progress.done.toLocaleString('en-US')}${progress.total === undefined ? '' : `/${progress.total.toLocaleString('en-US')}`} ${progress.unit}`;
  const speed = `${Math.round(rate).toLocaleString('en-US')} ${progress.unit}/s`;
  if (progress.total === undefined || progress.total === 0) return `${count}  ${speed}`;
  const fraction = Math.min(1, progress.done / progress.total);
  const filled = Math.round(fraction * WIDTH);
  const left = rate > 0 ? (progress.total - progress.done) / rate : Number.POSITIVE_INFINITY;
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${count}  ${speed}  ${fraction >= 1 ? `took ${formatDuration(elapsedSeconds)}` : `${formatDuration(left)} left`}`;
};

/** Starts a progress bar labelled `label`. */
export const createProgressBar = (
  io: CliIo,
  label: string,
  now: () => number = () => performance.now(),
): ProgressBar => {
  const started = now();
  // The first draw waits a moment, so the rate and time left are measured, not guessed.
  let lastDrawn = started;
  const elapsed = () => (now() - started) / 1000;
  const draw = (progress: Progress, final: boolean) => {
    const line = `${label} ${renderProgress(progress, elapsed())}`;
    if (io.interactive) io.stderr(`\r\u001b[2K${line}${final ? '\n' : ''}`);
    else io.stderr(`${line}\n`);
  };
  return {
    update(progress) {
      const interval = io.interactive ? DRAW_INTERVAL_MS : LOG_INTERVAL_MS;
      if (now() - lastDrawn < interval) return;
      lastDrawn = now();
      draw(progress, false);
    },
    finish(progress) {
      draw(progress, true);
    },
  };
};
