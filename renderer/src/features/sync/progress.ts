// The progress bars' numbers: whole percents that stay inside 0..100 whatever the engine
// reports, and an overall bar that never moves backwards within one run.
import { type ImportProgress } from '../../db/exchange/api.ts';

/** A fraction (0..1) as a whole percent; NaN, negatives and overshoots are clamped. */
export function toPercent(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0) return 0;
  if (fraction >= 1) return 100;
  // Floor, not round: 99.6 % of the way is not "100 %" while the last bytes still run.
  return Math.floor(fraction * 100);
}

export interface ProgressView {
  /** 1-based, for "File 2 of 5". */
  index: number;
  count: number;
  fileName: string;
  filePercent: number;
  overallPercent: number;
}

/**
 * What the bars show for a progress report. `previous` is what they showed before in the
 * same run: the overall bar keeps its highest value (a resumed run restarts its count, and
 * reports can arrive out of order from a worker), and the file bar resets per file.
 */
export function progressView(p: ImportProgress, previous?: ProgressView): ProgressView {
  const count = Math.max(1, Math.floor(p.fileCount));
  const index = Math.min(count, Math.max(1, Math.floor(p.fileIndex) + 1));
  // Derived from the file position too, so an engine that reports only per-file fractions
  // still moves the overall bar.
  const derived = (index - 1 + clamp01(p.fileFraction)) / count;
  const overall = Math.max(toPercent(p.overallFraction), toPercent(derived));
  const sameRun = previous && previous.count === count;
  return {
    index,
    count,
    fileName: p.fileName,
    filePercent: toPercent(p.fileFraction),
    overallPercent: sameRun ? Math.max(previous.overallPercent, overall) : overall,
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
