/**
 * The shipped sample workbook's bytes. Webpack inlines the file into this
 * module's chunk as a data: URL, so the page opens it without a request (it
 * also works when workbench.html is opened from disk). Loaded lazily by the
 * workbench entry; never by the Office task pane.
 */
import sampleUrl from "../../../assets/sample/creditsentinel-sample.xlsx";

/** Decodes the inlined sample. */
export function sampleBytes(): Uint8Array {
  const comma = sampleUrl.indexOf(",");
  const binary = atob(sampleUrl.slice(comma + 1));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
