import { mulberry32 } from "../../src/engine/random";

export { mulberry32 };

/**
 * Stratified train/validation split with a fixed seed: within each class the
 * row indexes are shuffled (Fisher–Yates) and the first `trainShare` go to train.
 * Returns a mask: true = train row.
 */
export function stratifiedSplit(label: ArrayLike<number>, trainShare: number, seed: number): boolean[] {
  const rand = mulberry32(seed);
  const train = new Array<boolean>(label.length).fill(false);
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < label.length; i++) if (label[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const k = Math.round(idx.length * trainShare);
    for (let i = 0; i < k; i++) train[idx[i]] = true;
  }
  return train;
}
