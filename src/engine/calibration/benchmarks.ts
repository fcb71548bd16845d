/**
 * The classical distress models the scorecard is judged against, with their
 * published coefficients (never refitted), on the rows where their inputs
 * are known. Each returns a risk value per row (higher = riskier; NaN when an
 * input is missing) so that AUC and KS compare directly with the scorecard.
 *
 * - Altman Z'' (1995, private and non-manufacturing firms):
 *   Z'' = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4, X1 = working capital / total
 *   assets, X2 = retained earnings / total assets, X3 = EBIT / total assets,
 *   X4 = book equity / total liabilities. Risk = −Z''. Distress zone Z'' < 1.1.
 * - Ohlson O-score (1980, model 1, one-year horizon):
 *   O = −1.32 − 0.407 SIZE + 6.03 TLTA − 1.43 WCTA + 0.0757 CLCA − 1.72 OENEG
 *       − 2.37 NITA − 1.83 FUTL + 0.285 INTWO − 0.521 CHIN,
 *   SIZE = ln(total assets) (Ohlson deflates by a price index; a currency or
 *   deflator only shifts O by a constant and leaves its ranking unchanged),
 *   TLTA = debt ratio, WCTA = working capital / total assets, CLCA = current
 *   liabilities / current assets (1 / current ratio), OENEG = 1 when total
 *   liabilities exceed total assets, NITA = net income / total assets, FUTL =
 *   funds from operations / total liabilities (our cash_flow_to_debt:
 *   (net income + depreciation) / total liabilities), INTWO = 1 when net
 *   income was negative this year and last, CHIN = (NI − NI₋₁) / (|NI| + |NI₋₁|).
 *   Without last year's net income, INTWO and CHIN are taken as 0. Distressed
 *   when P = 1 / (1 + e^−O) > 0.038, Ohlson's error-minimising cut-off.
 * - Zmijewski (1984): X = −4.336 − 4.513 NI/TA + 5.679 TL/TA + 0.004 CA/CL.
 *   Distressed when X > 0 (probability above one half).
 */
import type { FactorKey } from "../scoring/factors";
import type { Sample } from "./sample";
import { Message, message } from "../messages";

export type BenchmarkKey = "altman" | "ohlson" | "zmijewski";

export interface Benchmark {
  key: BenchmarkKey;
  name: string;
  /** Risk per row, higher = riskier; NaN where the model cannot be computed. */
  risk: Float64Array;
  /** The model's own cut-off: true = flagged as distressed (false where risk is NaN). */
  distressed: boolean[];
  /** The cut-off in words (`benchmark.cutoff`: "distress zone Z'' < 1.1", "P > 0.038", "X > 0"). */
  cutoff: Message;
}

const column = (s: Sample, k: FactorKey): Float64Array => (s.columns[k] as Float64Array | undefined) ?? new Float64Array(s.n).fill(NaN);

/** Altman Z'' per row (NaN when an input is missing). Pass a sample whose ratios are derived. */
export function altmanZ2(s: Sample): Float64Array {
  const x1 = column(s, "working_capital_to_assets"),
    x2 = column(s, "retained_earnings_to_assets"),
    x3 = column(s, "ebit_to_assets"),
    x4 = column(s, "equity_to_liabilities");
  const z = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) z[i] = 6.56 * x1[i] + 3.26 * x2[i] + 6.72 * x3[i] + 1.05 * x4[i];
  return z;
}

/** Ohlson's O per row (NaN when an input other than last year's net income is missing). Pass a sample whose ratios are derived. */
export function ohlsonO(s: Sample): Float64Array {
  const ta = column(s, "total_assets"),
    tl = column(s, "debt_ratio"),
    wc = column(s, "working_capital_to_assets"),
    cr = column(s, "current_ratio");
  const ni = column(s, "net_income"),
    nita = column(s, "roa"),
    futl = column(s, "cash_flow_to_debt");
  const logTa = s.extra?.log_total_assets,
    niPrior = s.extra?.net_income_prior;
  const o = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const size = ta[i] > 0 ? Math.log(ta[i]) : logTa ? logTa[i] : NaN;
    const clca = cr[i] > 0 ? 1 / cr[i] : NaN;
    const p = niPrior ? niPrior[i] : NaN;
    const known = ni[i] === ni[i] && p === p;
    const intwo = known && ni[i] < 0 && p < 0 ? 1 : 0;
    const den = Math.abs(ni[i]) + Math.abs(p);
    const chin = known && den > 0 ? (ni[i] - p) / den : 0;
    o[i] =
      -1.32 -
      0.407 * size +
      6.03 * tl[i] -
      1.43 * wc[i] +
      0.0757 * clca -
      1.72 * (tl[i] > 1 ? 1 : 0) -
      2.37 * nita[i] -
      1.83 * futl[i] +
      0.285 * intwo -
      0.521 * chin;
  }
  return o;
}

/** Zmijewski's X per row (NaN when an input is missing). Pass a sample whose ratios are derived. */
export function zmijewskiX(s: Sample): Float64Array {
  const nita = column(s, "roa"),
    tl = column(s, "debt_ratio"),
    cr = column(s, "current_ratio");
  const x = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) x[i] = -4.336 - 4.513 * nita[i] + 5.679 * tl[i] + 0.004 * cr[i];
  return x;
}

/** Ohlson's cut-off on the probability 1 / (1 + e^−O). */
export const OHLSON_CUTOFF = 0.038;

/** The three benchmarks on a sample whose ratios are derived. */
export function benchmarks(s: Sample): Benchmark[] {
  const z = altmanZ2(s),
    o = ohlsonO(s),
    x = zmijewskiX(s);
  const ohlsonLogit = Math.log(OHLSON_CUTOFF / (1 - OHLSON_CUTOFF));
  return [
    {
      key: "altman",
      name: "Altman Z''",
      risk: z.map((v) => -v),
      distressed: Array.from(z, (v) => v < 1.1),
      cutoff: message("benchmark.cutoff", { key: "altman", value: 1.1 }),
    },
    {
      key: "ohlson",
      name: "Ohlson O",
      risk: o,
      distressed: Array.from(o, (v) => v > ohlsonLogit),
      cutoff: message("benchmark.cutoff", { key: "ohlson", value: OHLSON_CUTOFF }),
    },
    {
      key: "zmijewski",
      name: "Zmijewski",
      risk: x,
      distressed: Array.from(x, (v) => v > 0),
      cutoff: message("benchmark.cutoff", { key: "zmijewski", value: 0 }),
    },
  ];
}
