/**
 * Seeded, stratified splits of labelled rows: a train/validation split and
 * k folds for cross-validation. Within each class the row indexes are
 * shuffled with mulberry32 (Fisher–Yates), so the same labels and seed give the
 * same split everywhere (CLI, pane, tests).
 */
import { mulberry32 } from "../random";

function shuffledByClass(label: ArrayLike<number>, seed: number): number[][] {
  const rand = mulberry32(seed);
  return [0, 1].map((cls) => {
    const idx: number[] = [];
    for (let i = 0; i < label.length; i++) if (label[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx;
  });
}

/**
 * Stratified train/validation mask: within each class the first
 * round(share × count) shuffled rows are train (true).
 */
export function stratifiedSplit(label: ArrayLike<number>, trainShare: number, seed: number): boolean[] {
  const train = new Array<boolean>(label.length).fill(false);
  for (const idx of shuffledByClass(label, seed)) {
    const k = Math.round(idx.length * trainShare);
    for (let i = 0; i < k; i++) train[idx[i]] = true;
  }
  return train;
}

/** The row indexes of each side of the stratified split, ascending. */
export function splitRows(label: ArrayLike<number>, trainShare: number, seed: number): { train: number[]; validation: number[] } {
  const mask = stratifiedSplit(label, trainShare, seed);
  const train: number[] = [],
    validation: number[] = [];
  mask.forEach((t, i) => (t ? train : validation).push(i));
  return { train, validation };
}

/**
 * Stratified k-fold assignment: fold number 0…k−1 per row, each class dealt
 * round-robin over the folds after a seeded shuffle, so every fold holds about
 * 1/k of the defaulters and of the healthy rows.
 */
export function kFolds(label: ArrayLike<number>, k: number, seed: number): Int32Array {
  const fold = new Int32Array(label.length).fill(-1);
  for (const idx of shuffledByClass(label, seed)) idx.forEach((row, i) => (fold[row] = i % k));
  return fold;
}
