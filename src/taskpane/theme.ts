/**
 * Visual constants of the task pane that are not Fluent tokens.
 *
 * BAND_COLOURS: the engine defines bands (A–E), their order and labels but no
 * colours, so the pane owns them (also used for the band conditional
 * formatting written to the sheet). A = safest (green) … E = riskiest (red);
 * every fill has a text colour with at least 4.5:1 contrast on it.
 */
import type { BandKey } from "../engine/portfolio/texts";

export interface BandColour {
  /** Fill (chart bars, sheet cell fill), #RRGGBB. */
  fill: string;
  /** Text on that fill, #RRGGBB. */
  text: string;
}

export const BAND_COLOURS: Record<BandKey, BandColour> = {
  A: { fill: "#107C10", text: "#FFFFFF" },
  B: { fill: "#A7D08C", text: "#1B3A0F" },
  C: { fill: "#FFD966", text: "#3D2E00" },
  D: { fill: "#F4A259", text: "#3D1B00" },
  E: { fill: "#C50F1F", text: "#FFFFFF" },
  not_scored: { fill: "#C8C6C4", text: "#201F1E" },
};

/** Fixed height of one row of the virtualised customer list (px). */
export const LIST_ROW_HEIGHT = 32;

/** Hidden on screen, read by screen readers (accessible table fallbacks, live regions). */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
