/**
 * Texts of the workbench page (the pane's own texts stay in ../i18n.ts), in
 * English and Simplified Chinese; the `WorkbenchStrings` type makes every key
 * exist in both.
 */
import type { Lang } from "../../engine/lang";
import type { CsvDelimiter, CsvEncoding } from "./csv";
import type { OpenError } from "./file-workbook";
import type { Feature } from "./zip-parts";

export interface WorkbenchStrings {
  pageTitle: string;
  subtitle: string;
  /** The privacy promise shown at the top. */
  privacy: string;
  file: {
    heading: string;
    sample: string;
    sampleHint: string;
    loadingSample: string;
    reading: (name: string) => string;
    open: string;
    openAnother: string;
    dropHere: string;
    dropNow: string;
    accepts: string;
    tables: (tables: string, sheets: string) => string;
    csvRead: (file: string, encoding: string, delimiter: string, rows: string) => string;
    decimalComma: string;
    formulasWithoutResult: (n: string) => string;
    encodings: Record<CsvEncoding, string>;
    delimiters: Record<CsvDelimiter, string>;
    errors: {
      xls: (name: string) => string;
      otherSpreadsheet: (name: string) => string;
      unknown: (name: string) => string;
      mixed: string;
      empty: (name: string) => string;
      unreadable: (name: string) => string;
    };
    wpsHint: string;
  };
  download: {
    button: string;
    preparing: string;
    nothingWritten: string;
    valuesHint: string;
    ready: (name: string) => string;
    csvNote: string;
    noCharts: string;
    formulaColumns: (columns: string) => string;
    unsaved: string;
    failed: (detail: string) => string;
  };
  losses: {
    atOpen: string;
    inDownload: string;
    item: (feature: string, count: string) => string;
    partly: (feature: string, lost: string, total: string) => string;
    original: string;
    features: Record<Feature, string>;
  };
  discard: {
    title: string;
    body: string;
    keep: string;
    discard: string;
  };
  /** "Show in sheet" in the workbench: where the row is. */
  selected: (sheet: string, row: string) => string;
  /** "Go to" in the workbench: where the cell (or row) is. */
  selectedCell: (sheet: string, cell: string) => string;
  selectedRow: (sheet: string, row: string) => string;
  excelNote: string;
}

export const WORKBENCH_STRINGS: Record<Lang, WorkbenchStrings> = {
  en: {
    pageTitle: "CreditSentinel workbench",
    subtitle: "The portfolio review without Excel",
    privacy:
      "Your data stays on this computer: files are read and scored in this browser tab, nothing is uploaded, and this page makes no network requests. Closing the tab forgets everything that was not downloaded.",
    file: {
      heading: "Workbook",
      sample: "sample",
      sampleHint:
        "A sample portfolio, reviewed for you below: click a customer to see why it scored as it did, write the results and download the scored workbook. Then open your own workbook or CSV files.",
      loadingSample: "Opening the sample workbook…",
      reading: (name) => `Reading ${name}…`,
      open: "Open a file…",
      openAnother: "Open another file…",
      dropHere: "or drop an .xlsx or .csv file here",
      dropNow: "Drop the file to open it",
      accepts:
        "Excel workbooks (.xlsx), or CSV files in UTF-8 or GB18030, separated by commas, semicolons or tabs. Several CSV files can be opened together (for example customers and invoices).",
      tables: (tables, sheets) => `${tables} tables on ${sheets} sheets`,
      csvRead: (file, encoding, delimiter, rows) => `${file}: ${rows} rows, read as ${encoding}, separated by ${delimiter}.`,
      decimalComma: "Decimal commas were read as numbers.",
      formulasWithoutResult: (n) =>
        `${n} formula cells have no saved result (the file was never recalculated) and read as empty: open and save the file in your spreadsheet program first.`,
      encodings: { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16", gb18030: "GB18030 (Chinese)" },
      delimiters: { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars" },
      errors: {
        xls: (name) =>
          `${name} is in the old Excel format (.xls). Open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx), then open that file here.`,
        otherSpreadsheet: (name) =>
          `${name} is not an Excel workbook. In WPS or LibreOffice choose File → Save As → Excel workbook (.xlsx), or save the table as CSV, then open that file here.`,
        unknown: (name) => `${name} cannot be opened here: choose an .xlsx workbook or CSV files.`,
        mixed: "Open one workbook, or one or more CSV files, at a time.",
        empty: (name) => `${name} is empty.`,
        unreadable: (name) =>
          `${name} could not be read as an Excel workbook. If it opens in your spreadsheet program, save it again as .xlsx and try once more.`,
      },
      wpsHint: "Using WPS or LibreOffice? Save your workbook as .xlsx (File → Save As) and open it here; the download opens in both.",
    },
    download: {
      button: "Download scored workbook",
      preparing: "Preparing the workbook…",
      nothingWritten:
        "Write the risk columns or the report first (“Write results to the workbook”, after the review below); the download then contains them.",
      valuesHint:
        "For WPS, LibreOffice or colleagues without CreditSentinel, write “Static values”: live RISK formulas calculate only in Excel with the add-in.",
      ready: (name) => `Downloaded ${name}. Your original file is unchanged.`,
      csvNote: "CSV files are downloaded as one Excel workbook with a sheet per file.",
      noCharts: "The report sheet holds the report's tables; its charts are drawn only by CreditSentinel in Excel.",
      formulaColumns: (columns) =>
        `${columns}: live RISK formulas. They calculate only in Excel with CreditSentinel; WPS, LibreOffice and Excel without the add-in show #NAME?. For colleagues without the add-in, write static values instead.`,
      unsaved: "You have written results that are not downloaded yet.",
      failed: (detail) => `The workbook could not be prepared: ${detail}`,
    },
    losses: {
      atOpen: "This workbook contains parts the browser's spreadsheet library cannot carry; the downloaded copy will not have them:",
      inDownload: "Not in the downloaded copy:",
      item: (feature, count) => `${feature} (${count})`,
      partly: (feature, lost, total) => `${feature} (${lost} of ${total})`,
      original:
        "Your original file keeps them: open the download for the risk columns and the report, and keep working in the original if you need those parts.",
      features: {
        charts: "charts",
        chartSheets: "chart sheets",
        images: "pictures",
        shapes: "shapes and text boxes",
        notes: "notes",
        threadedComments: "comments",
        pivotTables: "pivot tables",
        slicers: "slicers and timelines",
        sparklines: "sparklines",
        macros: "macros",
        controls: "form controls",
        embeddedObjects: "embedded objects",
        externalLinks: "links to other workbooks",
        connections: "data connections and queries",
        dataModel: "the data model",
        customXml: "custom XML data",
        addinData: "add-in data (including CreditSentinel's saved column mappings)",
        tables: "Excel tables",
        conditionalFormats: "conditional formats",
        dataValidations: "data validation rules",
        hyperlinks: "hyperlinks",
        mergedCells: "merged cells",
        definedNames: "defined names",
      },
    },
    discard: {
      title: "Open another file?",
      body: "The risk columns and report you wrote are not downloaded yet; opening another file discards them.",
      keep: "Keep working",
      discard: "Discard and open",
    },
    selected: (sheet, row) => `That customer is in row ${row} of sheet “${sheet}”.`,
    selectedCell: (sheet, cell) => `That is cell ${cell} of sheet “${sheet}” (in your spreadsheet program).`,
    selectedRow: (sheet, row) => `That is row ${row} of sheet “${sheet}” (in your spreadsheet program).`,
    excelNote: "In Excel, the same engine runs as the CreditSentinel add-in: a task pane with this review and RISK.* formulas.",
  },
  zh: {
    pageTitle: "信用哨兵工作台",
    subtitle: "无需 Excel 的组合风险评估",
    privacy:
      "您的数据始终留在本机：文件在此浏览器标签页中读取和评分，不会上传，本页面不发出任何网络请求。关闭标签页后，未下载的内容都会被清除。",
    file: {
      heading: "工作簿",
      sample: "示例",
      sampleHint:
        "这是一个示例组合，下方已完成评估：点击客户即可查看其评分原因，写入结果并下载评分后的工作簿。之后即可打开您自己的工作簿或 CSV 文件。",
      loadingSample: "正在打开示例工作簿…",
      reading: (name) => `正在读取 ${name}…`,
      open: "打开文件…",
      openAnother: "打开其他文件…",
      dropHere: "或将 .xlsx、.csv 文件拖放到此处",
      dropNow: "松开鼠标即可打开文件",
      accepts:
        "支持 Excel 工作簿（.xlsx），以及 UTF-8 或 GB18030 编码、以逗号、分号或制表符分隔的 CSV 文件。可同时打开多个 CSV 文件（例如客户表和发票台账）。",
      tables: (tables, sheets) => `${sheets} 个工作表，共 ${tables} 个表格`,
      csvRead: (file, encoding, delimiter, rows) => `${file}：${rows} 行，按 ${encoding} 编码、以${delimiter}分隔读取。`,
      decimalComma: "小数逗号已按数字读取。",
      formulasWithoutResult: (n) =>
        `有 ${n} 个公式单元格没有保存计算结果（文件从未重新计算），按空值读取：请先在电子表格软件中打开并保存该文件。`,
      encodings: { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16", gb18030: "GB18030（中文）" },
      delimiters: { ",": "逗号", ";": "分号", "\t": "制表符", "|": "竖线" },
      errors: {
        xls: (name) =>
          `${name} 是旧版 Excel 格式（.xls）。请在 Excel、WPS 或 LibreOffice 中打开，另存为 Excel 工作簿（.xlsx）后再在此打开。`,
        otherSpreadsheet: (name) =>
          `${name} 不是 Excel 工作簿。请在 WPS 或 LibreOffice 中选择“文件 → 另存为 → Excel 工作簿（.xlsx）”，或将表格另存为 CSV，再在此打开。`,
        unknown: (name) => `无法在此打开 ${name}：请选择 .xlsx 工作簿或 CSV 文件。`,
        mixed: "每次请打开一个工作簿，或一个或多个 CSV 文件。",
        empty: (name) => `${name} 是空文件。`,
        unreadable: (name) => `无法将 ${name} 作为 Excel 工作簿读取。如果它能在电子表格软件中打开，请重新另存为 .xlsx 后再试。`,
      },
      wpsHint: "使用 WPS 或 LibreOffice？请将工作簿另存为 .xlsx（文件 → 另存为）后在此打开；下载的文件在两者中都能打开。",
    },
    download: {
      button: "下载评分后的工作簿",
      preparing: "正在生成工作簿…",
      nothingWritten: "请先写入风险列或报告（见下方评估结果之后的“将结果写入工作簿”）；下载的文件将包含这些内容。",
      valuesHint:
        "如需在 WPS、LibreOffice 中使用，或发给未安装信用哨兵的同事，请写入“静态数值”：实时 RISK 公式只能在安装了加载项的 Excel 中计算。",
      ready: (name) => `已下载 ${name}。原文件未作任何改动。`,
      csvNote: "CSV 文件将下载为一个 Excel 工作簿，每个文件一个工作表。",
      noCharts: "报告工作表包含报告中的各个表格；图表只能由 Excel 中的信用哨兵绘制。",
      formulaColumns: (columns) =>
        `${columns}：实时 RISK 公式，只能在安装了信用哨兵的 Excel 中计算；WPS、LibreOffice 以及未安装加载项的 Excel 会显示 #NAME?。如需发给未安装加载项的同事，请改为写入静态值。`,
      unsaved: "您写入的结果尚未下载。",
      failed: (detail) => `无法生成工作簿：${detail}`,
    },
    losses: {
      atOpen: "此工作簿包含浏览器电子表格库无法保留的内容，下载的副本中将不包含：",
      inDownload: "下载的副本中不包含：",
      item: (feature, count) => `${feature}（${count}）`,
      partly: (feature, lost, total) => `${feature}（${total} 个中的 ${lost} 个）`,
      original: "原文件仍保留这些内容：风险列和报告请查看下载的副本；如需上述内容，请继续在原文件中操作。",
      features: {
        charts: "图表",
        chartSheets: "图表工作表",
        images: "图片",
        shapes: "形状和文本框",
        notes: "批注",
        threadedComments: "评论",
        pivotTables: "数据透视表",
        slicers: "切片器和日程表",
        sparklines: "迷你图",
        macros: "宏",
        controls: "表单控件",
        embeddedObjects: "嵌入对象",
        externalLinks: "指向其他工作簿的链接",
        connections: "数据连接和查询",
        dataModel: "数据模型",
        customXml: "自定义 XML 数据",
        addinData: "加载项数据（包括信用哨兵保存的列映射）",
        tables: "Excel 表格",
        conditionalFormats: "条件格式",
        dataValidations: "数据验证规则",
        hyperlinks: "超链接",
        mergedCells: "合并单元格",
        definedNames: "定义的名称",
      },
    },
    discard: {
      title: "打开其他文件？",
      body: "您写入的风险列和报告尚未下载；打开其他文件会丢弃这些内容。",
      keep: "继续操作",
      discard: "丢弃并打开",
    },
    selected: (sheet, row) => `该客户位于工作表“${sheet}”的第 ${row} 行。`,
    selectedCell: (sheet, cell) => `即工作表“${sheet}”中的单元格 ${cell}（请在电子表格软件中查看）。`,
    selectedRow: (sheet, row) => `即工作表“${sheet}”的第 ${row} 行（请在电子表格软件中查看）。`,
    excelNote: "在 Excel 中，同一引擎以信用哨兵加载项的形式运行：提供本评估任务窗格以及 RISK.* 公式。",
  },
};

/** The page's message for an open error. */
export function openErrorText(t: WorkbenchStrings, e: OpenError): string {
  switch (e.code) {
    case "unsupported":
      return e.kind === "xls"
        ? t.file.errors.xls(e.fileName)
        : e.kind === "other-spreadsheet"
          ? t.file.errors.otherSpreadsheet(e.fileName)
          : t.file.errors.unknown(e.fileName);
    case "mixed":
      return t.file.errors.mixed;
    case "empty":
      return t.file.errors.empty(e.fileName);
    case "unreadable":
      return t.file.errors.unreadable(e.fileName);
  }
}
