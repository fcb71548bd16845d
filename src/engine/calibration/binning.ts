/**
 * Monotone weight-of-evidence binning.
 *
 * WoE of a bin = ln((goods in bin / all goods) / (bads in bin / all bads)),
 * with 0.5 added to each count so empty cells stay finite. Positive WoE =
 * safer than average. Missing values (NaN) are not binned: at scoring they get
 * WoE 0 (the population average).
 */

export interface Binning {
  /** Ascending cut points; bin k = [edges[k−1], edges[k]). */
  edges: number[];
  woe: number[];
  goods: number[];
  bads: number[];
  /** Information value of the binned factor. */
  iv: number;
}

export interface BinningOptions {
  /** "increasing": higher values are safer (WoE must not fall as the value rises). */
  direction: "increasing" | "decreasing";
  /** Number of initial quantile bins. */
  initialBins?: number;
  /** Smallest bin as a share of non-missing rows. */
  minShare?: number;
  /** Largest number of bins kept. */
  maxBins?: number;
  /** Significant digits of the rounded cut points. */
  digits?: number;
  /** Adjacent bins whose WoE differs by less than this are merged. */
  minWoeStep?: number;
}

/** Rounds to `digits` significant digits ("nice" cut points that generalise). */
export function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** WoE of a cell with g goods and b bads out of G goods and B bads (0.5 added to each count). */
export function woeOf(g: number, b: number, G: number, B: number): number {
  return Math.log((g + 0.5) / (G + 0.5) / ((b + 0.5) / (B + 0.5)));
}

/** Bin index of x for ascending edges (x ≥ edges[k−1] and < edges[k]). */
export function binOf(edges: readonly number[], x: number): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]) k++;
  return k;
}

/** Goods and bads per bin of `edges` (NaN values skipped). */
export function binTally(edges: readonly number[], x: ArrayLike<number>, y: ArrayLike<number>): { goods: number[]; bads: number[] } {
  const goods = new Array<number>(edges.length + 1).fill(0),
    bads = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i]) continue;
    const k = binOf(edges, x[i]);
    if (y[i] === 1) bads[k]++;
    else goods[k]++;
  }
  return { goods, bads };
}

/** WoE and information value of given bins on (x, y). */
export function binningOn(edges: readonly number[], x: ArrayLike<number>, y: ArrayLike<number>): Binning {
  const { goods, bads } = binTally(edges, x, y);
  let G = 0,
    B = 0;
  for (let k = 0; k < goods.length; k++) {
    G += goods[k];
    B += bads[k];
  }
  const woe = goods.map((g, k) => woeOf(g, bads[k], G, B));
  let iv = 0;
  for (let k = 0; k < woe.length; k++) iv += ((goods[k] + 0.5) / (G + 0.5) - (bads[k] + 0.5) / (B + 0.5)) * woe[k];
  return { edges: [...edges], woe, goods, bads, iv };
}

/**
 * Fits monotone bins on (x, y) with y = 1 for a bad. Steps: quantile cut points
 * (rounded to `digits` significant digits), then merging adjacent bins until
 * WoE is monotone in `direction` (the worst violating pair first), every bin
 * holds at least `minShare` of rows, at most `maxBins` remain and adjacent
 * bins differ by at least `minWoeStep` in WoE (the closest pair first).
 */
export function fitBinning(x: ArrayLike<number>, y: ArrayLike<number>, opts: BinningOptions): Binning {
  const { direction, initialBins = 20, minShare = 0.05, maxBins = 6, digits = 2, minWoeStep = 0.05 } = opts;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i])) {
      xs.push(x[i]);
      ys.push(y[i]);
    }
  const sorted = xs
    .map((_, i) => i)
    .sort((a, b) => xs[a] - xs[b])
    .map((i) => xs[i]);
  const n = sorted.length;
  let G = 0,
    B = 0;
  for (const v of ys)
    if (v === 1) B++;
    else G++;
  let edges: number[] = [];
  for (let q = 1; q < initialBins; q++) {
    const e = roundSig(sorted[Math.floor((q * n) / initialBins)], digits);
    if (e > sorted[0] && (edges.length === 0 || e > edges[edges.length - 1])) edges.push(e);
  }
  const sign = direction === "increasing" ? 1 : -1;
  // Rows are tallied once into the initial bins; a merge adds two neighbours' counts.
  const tally = binTally(edges, xs, ys);
  const g = tally.goods,
    b = tally.bads;
  for (;;) {
    const w = g.map((gk, k) => woeOf(gk, b[k], G, B));
    const k = edges.length + 1;
    if (k <= 1) break;
    // 1. monotonicity violations: merge the worst violating adjacent pair
    let worst = -1,
      worstGap = 0;
    for (let i = 0; i + 1 < k; i++) {
      const gap = sign * (w[i] - w[i + 1]); // > 0 = violation
      if (gap > worstGap + 1e-12) {
        worst = i;
        worstGap = gap;
      }
    }
    // 2. too-small bins
    if (worst < 0) {
      let small = -1,
        smallest = Infinity;
      for (let i = 0; i < k; i++) {
        const size = g[i] + b[i];
        if (size < minShare * n && size < smallest) {
          small = i;
          smallest = size;
        }
      }
      if (small >= 0) {
        if (small === 0) worst = 0;
        else if (small === k - 1) worst = k - 2;
        else worst = Math.abs(w[small] - w[small - 1]) <= Math.abs(w[small] - w[small + 1]) ? small - 1 : small;
      }
    }
    // 3. too many bins, or bins that barely differ: merge the closest pair
    if (worst < 0) {
      let best = Infinity,
        at = -1;
      for (let i = 0; i + 1 < k; i++) {
        const d = Math.abs(w[i] - w[i + 1]);
        if (d < best) {
          best = d;
          at = i;
        }
      }
      if (k > maxBins || best < minWoeStep) worst = at;
    }
    if (worst < 0) break;
    edges = edges.filter((_, i) => i !== worst); // merge bins worst and worst+1
    g[worst] += g[worst + 1];
    b[worst] += b[worst + 1];
    g.splice(worst + 1, 1);
    b.splice(worst + 1, 1);
  }
  return binningOn(edges, xs, ys);
}

/** WoE of each value under a binning (missing → 0). */
export function applyBinning(bin: Pick<Binning, "edges" | "woe">, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(x[i]) ? 0 : bin.woe[binOf(bin.edges, x[i])];
  return out;
}
