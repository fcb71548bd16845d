/**
 * Data regions of a sheet, as Excel's "current region" sees them: blocks of
 * non-empty cells bounded by empty rows and columns (cells touching at a
 * corner belong together). The workbench reads a sheet without an Excel table
 * as its largest region, and "the current selection" as the region around the
 * active cell. Pure; 0-based rows and columns.
 */
import type { Rect } from "../../excel/address";

/** Occupied cells of a sheet: row → sorted columns. */
export type Occupancy = Map<number, number[]>;

/** Builds the occupancy of a list of (row, col) cells. */
export function occupancyOf(cells: Iterable<readonly [number, number]>): Occupancy {
  const m: Occupancy = new Map();
  for (const [r, c] of cells) {
    const cols = m.get(r);
    if (cols) cols.push(c);
    else m.set(r, [c]);
  }
  for (const cols of m.values()) cols.sort((a, b) => a - b);
  return m;
}

function touches(a: Rect, b: Rect): boolean {
  return a.row <= b.row + b.rowCount && b.row <= a.row + a.rowCount && a.col <= b.col + b.colCount && b.col <= a.col + a.colCount;
}

function union(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row),
    col = Math.min(a.col, b.col);
  return {
    row,
    col,
    rowCount: Math.max(a.row + a.rowCount, b.row + b.rowCount) - row,
    colCount: Math.max(a.col + a.colCount, b.col + b.colCount) - col,
  };
}

/**
 * The regions of a sheet, largest first (by cell area), then top to bottom.
 * Runs of adjacent cells are joined with the runs above them (8-neighbourhood),
 * then rectangles that touch or overlap are merged until none do, which is
 * what Excel's Ctrl+A from a cell selects.
 */
export function regionsOf(occ: Occupancy): Rect[] {
  // Horizontal runs per row, joined to the runs of the row above when they touch (incl. diagonally).
  let open: { from: number; to: number; id: number }[] = [];
  const parent: number[] = [];
  const rects: Rect[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const join = (a: number, b: number) => {
    const ra = find(a),
      rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    rects[ra] = union(rects[ra], rects[rb]);
  };
  let prevRow = -2;
  for (const r of [...occ.keys()].sort((a, b) => a - b)) {
    const cols = occ.get(r) as number[];
    const runs: { from: number; to: number; id: number }[] = [];
    for (let k = 0; k < cols.length;) {
      let e = k;
      while (e + 1 < cols.length && cols[e + 1] <= cols[e] + 1) e++;
      const id = parent.length;
      parent.push(id);
      rects.push({ row: r, col: cols[k], rowCount: 1, colCount: cols[e] - cols[k] + 1 });
      runs.push({ from: cols[k], to: cols[e], id });
      k = e + 1;
    }
    if (prevRow === r - 1) {
      for (const run of runs) for (const above of open) if (above.from <= run.to + 1 && run.from <= above.to + 1) join(above.id, run.id);
    }
    open = runs;
    prevRow = r;
  }
  let boxes = [...new Set(parent.map((_, i) => find(i)))].map((i) => rects[i]);
  // Merge boxes that touch (a column sticking out of one box may reach into another).
  for (let merged = true; merged;) {
    merged = false;
    const out: Rect[] = [];
    for (const b of boxes) {
      const k = out.findIndex((o) => touches(o, b));
      if (k >= 0) {
        out[k] = union(out[k], b);
        merged = true;
      } else out.push(b);
    }
    boxes = out;
  }
  return boxes.sort((a, b) => b.rowCount * b.colCount - a.rowCount * a.colCount || a.row - b.row || a.col - b.col);
}

/** The region that contains or touches the cell (row, col), or null when the cell is empty and alone. */
export function regionAround(regions: readonly Rect[], row: number, col: number): Rect | null {
  const cell: Rect = { row, col, rowCount: 1, colCount: 1 };
  return (
    regions.find((r) => row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount) ??
    regions.find((r) => touches(r, cell)) ??
    null
  );
}
