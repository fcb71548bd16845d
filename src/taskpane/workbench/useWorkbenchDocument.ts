/**
 * The workbench's document: the workbook opened (the sample at start, or the
 * user's files), its port for the review pane, whether results were written
 * and not yet downloaded (closing the tab then asks first), "Go to" / "Show
 * in sheet" said in words, and the download of the scored workbook.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  createWorkbenchPort,
  loadExcelLib,
  openFiles,
  scoredWorkbook,
  suggestTables,
  type InputFile,
  type ScoredWorkbook,
  type WorkbenchDocument,
} from "./file-workbook";
import { SAMPLE_FILE_NAME } from "./sample";
import type { openErrorText } from "./strings";
import type { ExcelLib } from "./xlsx-output";

export type Status = { kind: "idle" } | { kind: "opening"; name: string } | { kind: "sample" };
/** Where "Show in sheet" or "Go to" pointed (there is no sheet to select on this page). */
export type Selected = { sheet: string; row: number; column: number | null; customer: boolean };
export type Download = { busy: boolean; result: ScoredWorkbook | null; error: string | null };

const NO_DOWNLOAD: Download = { busy: false, result: null, error: null };

export function useWorkbenchDocument(
  loadSample: (() => Promise<Uint8Array>) | undefined,
  loadLib: () => Promise<ExcelLib> = loadExcelLib,
  save: (bytes: Uint8Array, fileName: string) => void,
) {
  const [doc, setDoc] = useState<WorkbenchDocument | null>(null);
  const [status, setStatus] = useState<Status>(loadSample ? { kind: "sample" } : { kind: "idle" });
  const [openError, setOpenError] = useState<Parameters<typeof openErrorText>[1] | null>(null);
  const [written, setWritten] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [download, setDownload] = useState<Download>(NO_DOWNLOAD);
  const [selected, setSelected] = useState<Selected | null>(null);

  const port = useMemo(
    () =>
      doc
        ? createWorkbenchPort(doc, {
            onWrite: () => {
              setWritten(true);
              setDirty(true);
              setDownload(NO_DOWNLOAD);
            },
            onSelectRow: (area, row) => setSelected({ sheet: area.sheetName, row: area.firstDataRow + row, column: null, customer: true }),
            onSelectCell: (sheet, row, column) => setSelected({ sheet, row, column, customer: false }),
          })
        : null,
    [doc],
  );
  // The sample is reviewed as soon as it is open; a user's file waits for its mapping to be checked.
  const initialTables = useMemo(() => (doc ? { ...suggestTables(doc.input), review: doc.sample } : undefined), [doc]);

  const open = useCallback(
    async (files: InputFile[], sample = false) => {
      setOpenError(null);
      setStatus({ kind: "opening", name: files.map((f) => f.name).join(", ") });
      const r = await openFiles(files, loadLib, { sample });
      setStatus({ kind: "idle" });
      if (!r.ok) return setOpenError(r.error);
      setDoc(r.doc);
      setWritten(false);
      setDirty(false);
      setSelected(null);
      setDownload(NO_DOWNLOAD);
    },
    [loadLib],
  );

  // Start on the sample workbook.
  useEffect(() => {
    if (!loadSample) return;
    let gone = false;
    loadSample()
      .then((bytes) => (gone ? undefined : open([{ name: SAMPLE_FILE_NAME, bytes }], true)))
      .catch(() => setStatus({ kind: "idle" }));
    return () => {
      gone = true;
    };
  }, [loadSample, open]);

  // Ask before the tab closes with results that were not downloaded.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  async function downloadScored() {
    if (!doc || !port) return;
    setDownload({ busy: true, result: null, error: null });
    try {
      const result = await scoredWorkbook(doc, port, loadLib);
      save(result.bytes, result.fileName);
      setDownload({ busy: false, result, error: null });
      setDirty(false);
    } catch (e) {
      setDownload({ busy: false, result: null, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return { doc, port, initialTables, status, openError, written, dirty, download, selected, open, downloadScored };
}

export type WorkbenchDoc = ReturnType<typeof useWorkbenchDocument>;
