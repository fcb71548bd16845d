/**
 * Live `=RISK.*` formulas for the write-back, built from the column mapping
 * and where the table sits. Every formula references the customer's own row
 * of the table, so it recalculates when the table changes:
 *
 *   score/band/pd/reasons  =RISK.CREDITSCORE(A2:O2,<labels>,"score")
 *   limit                  =RISK.CREDITLIMIT(<band>,<net worth>,<sales>,<terms>,<requested>,<relationship months>)
 *   headroom               =IF(M2="","",<limit>-MAX(0,M2))
 *
 * <labels> is the table's header row ($A$1:$O$1) when every column is used
 * as its header says (the formulas then follow renamed headers), otherwise an
 * array constant of the mapped keys ({"customer_id","debt_ratio","",…}) so a
 * column the user mapped or ignored by hand is read the same way as in the
 * review. <band> is the band cell when the band column is written, else a
 * nested CREDITSCORE. Net worth is equity, else total assets − total
 * liabilities: the engine's `netWorthOf` rule, spelled from its `NET_WORTH_ITEMS`
 * (test/engine/customer/cross-door.test.ts evaluates these formulas against the review). Columns that need the invoice ledger
 * (dunning stage; headroom without an exposure column) have no formula.
 */
import { columnLetters } from "../../excel/address";
import type { ColumnMapping, MappingKey } from "../../engine/portfolio/mapping";
import { matchHeader } from "../../engine/scoring/headers";
import { NET_WORTH_ITEMS } from "../../engine/scoring/derive";
import type { WriteColumnId } from "../i18n";
import type { DataArea } from "../../excel/port";

/** Formula text of one column for data row i (0-based), or null when the column has no formula. */
export type RowFormula = ((row: number) => string) | null;

/** True when every column is used as its header reads (no hand-made mapping). */
export function mappingFollowsHeaders(mapping: ColumnMapping): boolean {
  return mapping.columns.every((c) => c.key === matchHeader(c.header));
}

/**
 * The labels argument of CREDITSCORE: the header range, or an array constant of keys.
 * @example labelsArgument(autoMapColumns(["ID", "Debt ratio"]), area) === "$A$1:$B$1"
 */
export function labelsArgument(mapping: ColumnMapping, area: DataArea): string {
  const first = area.firstColumn;
  const last = area.firstColumn + area.columnCount - 1;
  if (mappingFollowsHeaders(mapping)) {
    const r = area.firstDataRow; // header row number (1-based) = 0-based first data row
    return `$${columnLetters(first)}$${r}:$${columnLetters(last)}$${r}`;
  }
  return `{${mapping.columns.map((c) => `"${c.key ?? ""}"`).join(",")}}`;
}

/**
 * One formula builder per written column (same order as `written`), or null
 * for a column that must be written as values.
 * @param written the columns to write, in order; they start right of the table
 */
export function riskFormulas(mapping: ColumnMapping, area: DataArea, written: readonly WriteColumnId[]): RowFormula[] {
  const labels = labelsArgument(mapping, area);
  const colOf = (key: MappingKey): string | null => {
    const c = mapping.columns.find((x) => x.key === key);
    return c ? columnLetters(area.firstColumn + c.index) : null;
  };
  const outCol = (id: WriteColumnId): string | null => {
    const j = written.indexOf(id);
    return j < 0 ? null : columnLetters(area.firstColumn + area.columnCount + j);
  };
  const rowRange = (n: number) => `${columnLetters(area.firstColumn)}${n}:${columnLetters(area.firstColumn + area.columnCount - 1)}${n}`;
  const score = (n: number, output: string) => `RISK.CREDITSCORE(${rowRange(n)},${labels},"${output}")`;
  // Net worth as the engine derives it (netWorthOf): equity, else total assets − total liabilities.
  const eq = colOf(NET_WORTH_ITEMS.given),
    ta = colOf(NET_WORTH_ITEMS.minuend),
    tl = colOf(NET_WORTH_ITEMS.subtrahend);
  const sales = colOf("sales"),
    terms = colOf("terms_days"),
    requested = colOf("requested_limit"),
    rel = colOf("relationship_months");
  const exposure = colOf("exposure");
  const bandCol = outCol("band"),
    limitCol = outCol("limit");

  const netWorth = (n: number): string => {
    const both = ta && tl ? `IF(AND(ISNUMBER(${ta}${n}),ISNUMBER(${tl}${n})),${ta}${n}-${tl}${n},"")` : null;
    if (eq && both) return `IF(ISNUMBER(${eq}${n}),${eq}${n},${both})`;
    if (eq) return `${eq}${n}`;
    return both ?? '""';
  };
  const limitExpr = (n: number): string => {
    const band = bandCol ? `${bandCol}${n}` : score(n, "band");
    const args = [
      band,
      netWorth(n),
      sales ? `${sales}${n}` : '""',
      terms ? `${terms}${n}` : "",
      requested ? `${requested}${n}` : "",
      rel ? `${rel}${n}` : "",
    ];
    while (args.length > 3 && args[args.length - 1] === "") args.pop();
    return `RISK.CREDITLIMIT(${args.join(",")})`;
  };
  const sheetRow = (i: number) => area.firstDataRow + i + 1;

  return written.map((id): RowFormula => {
    switch (id) {
      case "score":
      case "band":
      case "pd":
      case "reasons":
        return (i) => `=${score(sheetRow(i), id)}`;
      case "limit":
        return (i) => `=${limitExpr(sheetRow(i))}`;
      case "headroom":
        if (!exposure) return null;
        return (i) => {
          const n = sheetRow(i);
          const lim = limitCol ? `${limitCol}${n}` : limitExpr(n);
          return `=IF(${exposure}${n}="","",${lim}-MAX(0,${exposure}${n}))`;
        };
      case "stage":
        return null;
    }
  });
}
