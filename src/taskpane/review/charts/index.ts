/** The review's charts (see kit.ts for how they are drawn). */
export { AgingChart, agingFill } from "./AgingChart";
export { BandChart, type BandBar } from "./BandChart";
export { HeatMap } from "./HeatMap";
export { Waterfall } from "./Waterfall";
