/**
 * English messages of the command-line tools (`npm run score`: scripts/score.ts, scripts/batch/*). Spread into
 * the catalogue by en.ts; cli.zh.ts has the same ids. Messages say what happened and what to do next.
 */
import type { Entry } from "./types";
import { grouped, hexByte, joined } from "./describe";

export const CLI_EN = {
  /** `npm run score -- --help`. */
  "cli.score.usage": () => `Usage: npm run score -- <in.csv|in.xlsx> [options]

Scores every customer row of a table and writes a copy of the file with the
risk columns appended (score, band, PD, coverage, reasons; recommended limit
and its rule when net worth or sales are present; the as-of date).
The input file is never changed.

Options:
  -o, --out <file>        output file (default: <in>.scored.csv / .xlsx, same format as the input)
  -f, --force             replace the output file if it exists (never the input)
      --as-of <date>      as-of date, yyyy-mm-dd (default: today)
      --lang <en|zh>      language of the risk columns and of messages (default: en)
      --sheet <name|n>    xlsx: the worksheet to score, by name or position (default: the first)
      --header-row <n>    the sheet row that holds the headers (default: the first row,
                          among rows 1–50, that names a scoring factor)
      --encoding <name>   csv: text encoding (default: detected — UTF-8 with or without BOM,
                          UTF-16 with BOM, GB18030/GBK); e.g. gb18030, utf-16le, windows-1252
      --delimiter <d>     csv: comma, semicolon or tab (default: detected)
      --decimal <mark>    csv: decimal mark, "." or "," (default: detected; semicolon files
                          usually use the comma)
      --model <file>      score with a model fitted by npm run calibrate -- <history>
                          (default: the shipped scorecard)
  -h, --help              show this help

Exit codes: 0 every row scored · 2 some rows have errors (see their cells) · 1 nothing scored.`,
  "cli.score.usageHint": () => "Run npm run score -- --help for the options.",
  "cli.score.unknownOption": (a) => `unknown option ${a.opt}.`,
  "cli.score.missingValue": (a) => `${a.opt} needs a value.`,
  "cli.score.noInput": () => "no input file given: name a .csv or .xlsx file.",
  "cli.score.tooManyInputs": (a) => `only one input file, got "${a.first}" and "${a.second}".`,
  "cli.score.badLang": (a) => `--lang must be en or zh, got "${a.value}".`,
  "cli.score.badModel": (a) => `--model: ${a.detail}. Give a model file written by npm run calibrate -- <history> --out <model.json>.`,
  "cli.score.badAsOf": (a) => `--as-of "${a.value}" is not a date: ${a.detail} Write it as yyyy-mm-dd.`,
  "cli.score.badDelimiter": (a) => `--delimiter must be comma, semicolon or tab (or , ; \\t), got "${a.value}".`,
  "cli.score.badDecimal": (a) => `--decimal must be "." or ",", got "${a.value}".`,
  "cli.score.badHeaderRow": (a) => `--header-row must be a row number from 1 to 1048576, got "${a.value}".`,
  "cli.score.unknownEncoding": (a) =>
    `--encoding "${a.value}" is not an encoding Node.js knows (try utf-8, utf-16le, gb18030, windows-1252).`,
  "cli.score.csvOnly": (a) => `${a.opt} applies to CSV files only.`,
  "cli.score.xlsxOnly": (a) => `${a.opt} applies to .xlsx files only.`,
  "cli.score.inputMissing": (a) => `input file not found: ${a.path}`,
  "cli.score.inputIsFolder": (a) => `${a.path} is a folder: name a .csv or .xlsx file.`,
  "cli.score.unsupportedFormat": (a) => `cannot read "${a.ext || "(no extension)"}" files: give a .csv or .xlsx file.`,
  "cli.score.xlsFormat": (a) =>
    `cannot read "${a.ext}" files: open it in Excel and save it as .xlsx (Excel Workbook), then score that file.`,
  "cli.score.outFormat": (a) => `the output must have the same format as the input (${a.ext}), got ${a.out}.`,
  "cli.score.sameFile": (a) =>
    `refusing to write ${a.out}: it is the input file ${a.input}${a.how === "link" ? " (a link to it)" : a.how === "case" ? " (the same name in other letter case, which is the same file on Windows and macOS)" : ""}. Choose another --out name; the input is never overwritten.`,
  "cli.score.outExists": (a) => `${a.out} already exists. Add --force to replace it, or choose another --out name.`,
  "cli.score.outIsFolder": (a) => `--out ${a.out} is a folder: give a file name.`,
  "cli.score.outFolderMissing": (a) => `the output folder ${a.folder} does not exist.`,
  "cli.score.utf32": (a) => `${a.file} is UTF-32 text, which is not supported: save it as CSV UTF-8.`,
  "cli.score.utf16NoBom": (a) =>
    `${a.file} looks like UTF-16 text without a byte-order mark: run again with --encoding utf-16le (or utf-16be).`,
  "cli.score.notUtf8": (a) =>
    `${a.file} is not UTF-8 (byte 0x${hexByte(a.byte)} at offset ${grouped(a.offset)}) and does not look like Chinese GB18030/GBK either. Run again with --encoding naming its encoding (e.g. windows-1252 for Western European Excel), or save it from Excel as "CSV UTF-8".`,
  "cli.score.decodeFailed": (a) =>
    `${a.file} is not valid ${a.encoding} near byte ${grouped(a.offset)}: run again with --encoding naming its real encoding. Nothing was written.`,
  "cli.score.notXlsx": (a) =>
    `${a.file} is not an .xlsx workbook (not a zip package; a password-protected workbook is not one either): open it in Excel and save it as .xlsx without a password.`,
  "cli.score.partsUnreadable": (a) =>
    `${a.file}: these parts cannot be copied (${a.parts}); nothing was written rather than a workbook without them. Open the file in Excel and save it again as .xlsx.`,
  "cli.score.badPart": (a) => `${a.file}: part ${a.part} is damaged (${a.detail}). Open the file in Excel and save it again.`,
  "cli.score.noWorksheet": (a) => `${a.file} has no worksheet.`,
  "cli.score.emptyFile": (a) => `${a.file} is empty: nothing to score, nothing written.`,
  "cli.score.sheetNotFound": (a) => `no worksheet "${a.sheet}": the workbook has ${a.names}.`,
  "cli.score.notAWorksheet": (a) => `"${a.sheet}" is a chart sheet, not a worksheet: choose a worksheet with --sheet.`,
  "cli.score.noHeaderRow": (a) =>
    `${a.where}: none of rows 1–${a.rows} names a scoring factor. Name the columns with factor names (${a.keys}, or their English/Chinese names), or give the header row with --header-row.`,
  "cli.score.headerRowMissing": (a) => `${a.where}: row ${grouped(a.row)} (--header-row) is empty or past the end of the sheet.`,
  "cli.score.headerRowUnrecognised": (a) => `${a.where}, header row ${grouped(a.row)}: ${a.detail}`,
  "cli.score.noDataRows": (a) => `${a.where}: no data rows under header row ${grouped(a.row)}; nothing to score, nothing written.`,
  "cli.score.noRoom": (a) => `${a.where}: no room for the risk columns after the last used column (Excel has 16,384 columns).`,
  "cli.score.readCsv": (a) =>
    `Read ${a.file} (${a.encoding}, ${a.delimiter}-separated, decimal ${a.decimal}), header row ${grouped(a.headerRow)}.`,
  "cli.score.readXlsx": (a) => `Read ${a.file}, sheet ${a.sheet}, header row ${grouped(a.headerRow)}.`,
  "cli.score.decimalMixed": (a) =>
    `Numbers with both decimal marks were seen; "${a.decimal}" was used. Cells written the other way are reported as errors. Use --decimal to choose.`,
  "cli.score.replacedOwn": (a) => `Replaced the risk columns of an earlier run (${a.columns}).`,
  "cli.score.appendedAt": (a) => `Risk columns written to ${a.columns}.`,
  "cli.score.errorRows": (a) =>
    `${grouped(a.count)} row${a.count === 1 ? "" : "s"} could not be scored; the reason is in the row's cells. First ones:`,
  "cli.score.errorAt": (a) => `  ${a.address}: ${a.message}`,
  "cli.score.moreErrors": (a) => `  … and ${grouped(a.count)} more.`,
  "cli.score.wrote": (a) => `Wrote ${a.out}: ${grouped(a.scored)} row${a.scored === 1 ? "" : "s"} scored as of ${a.asOf}.`,
  "cli.score.nothingScored": (a) => `No row could be scored${a.out ? `; the reasons are in ${a.out}` : ""}.`,
  "cli.score.failed": (a) => `${a.file}: ${a.detail}`,
  "cli.score.partMissing": () => "missing",
  /** How a delimiter is named in messages ("comma-separated"). */
  "cli.delimiter.comma": () => "comma",
  "cli.delimiter.semicolon": () => "semicolon",
  "cli.delimiter.tab": () => "tab",
  /** How an encoding is named in messages: "UTF-8 with BOM", "windows-1252, as given" (a detected one is just its name). */
  "cli.encoding.bom": (a) => `${a.name} with BOM`,
  "cli.encoding.given": (a) => `${a.name}, as given`,
  /** What is wrong with a damaged part of an .xlsx package (the detail of cli.score.badPart). */
  "cli.xlsx.notUtf8": () => "not valid UTF-8",
  "cli.xlsx.utf16Part": () => "a byte-order mark (UTF-16 parts are not supported)",
  "cli.xlsx.badRowNumber": (a) => `row number "${a.value}"`,
  "cli.xlsx.badCellRef": (a) => `cell reference "${a.ref}"`,
  /** Command-line parsing shared by the calibration CLIs (scripts/lib/args.ts); `name` is the program ("evaluate"). */
  "cli.args.unknownOption": (a) => `${a.name}: unknown option ${a.flag}`,
  "cli.args.takesNoValue": (a) => `${a.name}: ${a.flag} takes no value`,
  "cli.args.needsValue": (a) => `${a.name}: ${a.flag} needs a value`,
  "cli.args.unexpected": (a) => `${a.name}: unexpected argument ${a.arg}`,
  /** `npm run evaluate -- --help`; `seed` is the default seed of the split. */
  "cli.evaluate.usage": (
    a,
  ) => `usage: npm run evaluate -- <file.csv|file.arff> [--label <column>] [--bad <value>] [--split all|train|validation] [--horizon <years>] [--seed <n>] [--cutoff <score>] [--false-alarm <share>] [--model <model.json>] [--incomplete-statements on|off] [--lang en|zh]

Scores every labelled row with the shipped scorecard and prints AUC, KS, Brier, the bands' capture and
false alarms, next to Altman Z'' on the same rows.
  --label <column>   label column (default: class, label, default, bankrupt, status_label, 违约, …)
  --bad <value>      the label value that means "defaulted" (every other value is healthy)
  --split <rows>     all (default), or the calibration's train or validation rows
  --horizon <years>  label horizon in years for the Brier score (default: from a Polish file's name, else 1)
  --seed <n>         seed of the 70/30 split (default ${a.seed})
  --cutoff <score>   also print the shares below a what-if C|D cut-off
  --false-alarm <share>  also print the highest cut-off that flags at most this share (0–1) of the healthy rows
  --model <file>     evaluate this model JSON (from npm run calibrate) instead of the shipped one
  --incomplete-statements on|off   switch the model's "interest not reported" factor (default: as the model ships)
  --lang en|zh       language of this help and of the error messages (default en; the report is in English)
  --help             this text`,
  "cli.evaluate.oneFile": () => "give exactly one data file",
  "cli.evaluate.noRows": (a) => `${a.file}: no labelled rows or no recognised factor columns (ignored: ${a.ignored})`,
  "cli.evaluate.badSplit": () => "--split must be all, train or validation",
  "cli.evaluate.badHorizonSeed": () => "--horizon must be a positive number of years and --seed an integer",
  "cli.evaluate.badCutoff": () => "--cutoff must be a score from 0 to 100",
  "cli.evaluate.badFalseAlarm": () => "--false-alarm must be a share from 0 to 1",
  "cli.evaluate.badIncomplete": () => "--incomplete-statements must be on or off",
  /** `npm run calibrate -- --help`; `seed` and `version` are the defaults of the rebuild. */
  "cli.calibrate.usage": (
    a,
  ) => `usage: npm run calibrate -- [--data <file.arff|file.csv>] [--label <column>] [--bad <value>] [--out <model.json>] [--seed <n>] [--horizon <years>] [--version <v>]
       npm run calibrate -- <history.csv|history.xlsx> --label <column> --out <model.json> [--stage auto|levels|weights|full] [--default-rate <share>] [--holdout <share>]

Without a history file: rebuilds the shipped scorecard from a labelled file (default
../shared/data/polish-bankruptcy-1year.arff) and writes the model JSON (default
src/engine/scoring/scorecard-model.v2.json).
With a history file: fits the scorecard to your own labelled customers and writes the fitted model when it
cross-validates at least as well as the shipped one. Stages by defaults in the history: levels (band
cut-offs and PD levels; any history, or none with --default-rate), weights (25 defaults), full (100).
  --stage <s>        auto (default: the highest the defaults allow), levels, weights or full
  --default-rate <r> expected 12-month default rate of the portfolio (stage levels; needed without defaults)
  --holdout <share>  fit on the rest and report the fitted and shipped figures on this share of rows
  --lang en|zh       language of the report's messages (default en)
  --data <file>      labelled data: UCI Polish ARFF or CSV with canonical or Chinese/English headers
  --label <column>   label column (default: class, label, default, bankrupt, status_label, 违约, …)
  --bad <value>      the label value that means "defaulted" (every other value is healthy)
  --out <file>       where to write the model JSON
  --seed <n>         seed of the 70/30 stratified split (default ${a.seed})
  --horizon <years>  label horizon in years (default: from a Polish file's name, else 1)
  --version <v>      model version written into the JSON (default ${a.version})
  --compare-factors  also print the cross-validated AUC of other factor sets on the training rows
  --help             this text`,
  "cli.calibrate.needsOut": () => "name the model file to write with --out <model.json>",
  "cli.calibrate.outIsInput": () => "--out must not be the history file (an input is never written over)",
  "cli.calibrate.badLang": () => "--lang must be en or zh",
  "cli.calibrate.badStage": () => "--stage must be auto, levels, weights or full",
  "cli.calibrate.badHoldout": () => "--holdout must be a share between 0 and 1",
  "cli.calibrate.badSeedHorizon": () => "--seed must be an integer and --horizon a positive number of years",
  "cli.calibrate.oneHistory": (a) => `give one history file, got ${a.count}`,
  "cli.calibrate.needsHistory": (a) =>
    `--${a.option} needs a history file (npm run calibrate -- <history.csv> --label <column> --out <model.json>)`,
  "cli.calibrate.usageLedger": () => `With an invoice ledger instead of an outcome column:
  npm run calibrate -- <history.csv|history.xlsx> --ledger <ledger.csv|ledger.xlsx> --as-of <yyyy-mm-dd> [--data-date <yyyy-mm-dd>] --out <model.json>
  The history needs a customer ID column; the ledger's columns are found by their headers (customer, invoice date,
  due date, paid date, amount, open amount, disputed; English or Chinese). A customer defaulted when an invoice was
  90+ days past due within 12 months after the as-of date (the date the history's figures were observed).
  --ledger <file>        the invoice ledger (one invoice per row)
  --as-of <date>         the date the history's figures were observed
  --data-date <date>     the last day the ledger is known to (default: its latest invoice or paid date)
  --days-past-due <n>    days past due that make a default (default 90)
  --window-months <n>    months after the as-of date in which a default counts (default 12)
  --min-amount <x>       smallest unpaid amount of a late invoice that counts (default 0)`,
  "cli.calibrate.labelOrLedger": () =>
    "give the outcome either as a column (--label, --bad) or from the invoice ledger (--ledger), not both",
  "cli.calibrate.ledgerIsHistory": () => "--ledger must be another file than the history (each is read from its first worksheet)",
  "cli.calibrate.ledgerNeedsAsOf": () => "--ledger needs --as-of <yyyy-mm-dd>: the date the history's figures were observed",
  "cli.calibrate.badDate": (a) => `--${a.option} must be a date yyyy-mm-dd, got "${a.value}"`,
  "cli.calibrate.ledgerBadRows": (a) =>
    `${a.file}: ${a.count} ledger rows could not be read and were left out (their customers are not labelled healthy): ${a.first}`,
  "cli.calibrate.outIsLedger": () => "--out must not be the ledger file (an input is never written over)",
  "cli.calibrate.needsLedger": (a) => `--${a.option} goes with --ledger <file> (the outcome derived from the invoice ledger)`,
  /** The calibrate and evaluate reports (scripts/lib/report.ts, calibrate.ts, evaluate.ts); figures arrive formatted. */
  "cli.report.n": (a) => `  n = ${a.n} (defaulters ${a.defaulters}, ${a.share}), mean coverage ${a.coverage}`,
  "cli.report.model": (a) =>
    `  CreditSentinel  AUC ${a.auc}  KS ${a.ks}  Brier ${a.brier} (PD over ${a.horizon} y); mean 12-month PD ${a.pd}`,
  "cli.report.deCapture": (a) => `                  bands D–E hold ${a.capture} of defaulters and ${a.falseAlarm} of healthy firms`,
  "cli.report.benchmark": (a) =>
    `  ${a.name}  AUC ${a.auc}  KS ${a.ks} on ${a.n} rows with its inputs (CreditSentinel on the same rows: AUC ${a.modelAuc}  KS ${a.modelKs})`,
  "cli.report.benchmarkCutoff": (a) =>
    `                  ${a.cutoff} holds ${a.capture} of defaulters and ${a.falseAlarm} of healthy (CreditSentinel D–E: ${a.modelCapture} / ${a.modelFalseAlarm})`,
  "cli.report.notReported": (a) =>
    `  interest not reported (blank, debt ratio ≥ threshold): ${a.flagged} rows, ${a.flaggedRate} defaulted; reported or low debt: ${a.reported} rows, ${a.reportedRate}; no interest column or debt unknown: ${a.unknown} rows; interest coverage exactly 0: ${a.zero} rows, ${a.zeroDefaulted} defaulted`,
  "cli.report.bandHeader": () => `  band   n      defaulters  rate     mean 12-month PD`,
  "cli.report.allRows": () => "all rows",
  "cli.report.split": (a) => `${a.split} split (seed ${a.seed}, 70/30 stratified)`,
  "cli.report.trainSplit": () => "train split",
  "cli.report.validationSplit": () => "validation split",
  "cli.evaluate.header": (a) =>
    `${a.file} — model ${a.id} ${a.version}${a.incomplete ? ` (interest not reported: ${a.incomplete})` : ""}; label "${a.label}"${a.bad !== undefined ? ` (defaulted = "${a.bad}")` : ""}; factors ${a.factors}`,
  "cli.evaluate.skipped": (a) => `  skipped ${a.rows} rows without a 0/1 label; ${a.cells} text cells read as missing`,
  "cli.evaluate.falseAlarm": (a) =>
    `  false-alarm budget ${a.budget} %: cut-off ${a.cutoff} flags ${a.defaulters} % of defaulters and ${a.healthy} % of healthy firms`,
  "cli.evaluate.belowCutoff": (a) => `  below cut-off ${a.cutoff}: ${a.defaulters} % of defaulters and ${a.healthy} % of healthy firms`,
  "cli.history.header": (a) =>
    `${a.file}: ${a.rows} rows, ${a.defaults} defaults${a.held ? ` (fitted on ${a.share} of ${a.total} rows; ${a.held} held out)` : ""}; label "${a.label}"; stage ${a.stage}`,
  "cli.history.fitted": () => "fitted",
  "cli.history.shipped": () => "shipped model",
  "cli.history.row": (a) =>
    `  ${a.name} AUC ${a.auc}  KS ${a.ks}  Brier ${a.brier}  bands D–E: ${a.capture} of defaults, ${a.falseAlarm} of healthy`,
  "cli.history.cv": (a) =>
    `${a.folds}-fold cross-validation (seed ${a.seed}) on the same rows${a.measurable ? "" : " (no defaults: not measurable)"}:`,
  "cli.history.weights": (a) => `weights: ${a.weights}`,
  "cli.history.bands": (a) => `bands (cut-off, rows, defaults, 12-month PD): ${a.bands}`,
  "cli.history.heldOut": (a) => `held-out rows (${a.rows}, ${a.defaults} defaults), never fitted:`,
  "cli.history.worse": (a) =>
    `The fit did worse than the shipped model in cross-validation: ${a.out} was not written; keep the shipped model.`,
  "cli.history.wrote": (a) => `wrote ${a.out} (model ${a.version}); score with it: npm run score -- <customers.csv> --model ${a.out}`,
  "cli.rebuild.header": (a) => `${a.file}: ${a.rows} rows, ${a.defaulters} defaulters; seed ${a.seed}; label horizon ${a.horizon} years`,
  "cli.rebuild.coefficients": (a) =>
    `coefficients (ln odds of survival per unit WoE): ${a.coefficients}${a.dropped ? `; dropped (wrong sign): ${a.dropped}` : ""}`,
  "cli.rebuild.horizon": (a) => `label horizon → 12 months: log-odds × ${a.slope}; neutral score ${a.neutral}`,
  "cli.rebuild.incomplete": (a) =>
    `incomplete statements (interest not reported): ${a.flagged} training rows flagged (${a.defaulters} defaulters); coefficient ${a.coefficient}; validation AUC ${a.with} with it, ${a.without} without → switched ${a.enabled ? "on" : "off"} by default`,
  "cli.rebuild.bands": (a) => `bands (min score, 12-month PD): ${a.bands}`,
  "cli.rebuild.slopes": () =>
    "calibration slope on the validation rows when only some of the pooled factors are given (1 = as calibrated on all):",
  "cli.rebuild.slope": (a) => `  ${a.given} given: with the pool weight ${a.pooled}, plain sum ${a.plain}`,
  "cli.rebuild.compare": () => "factor sets, equal weights, 5-fold cross-validation on the training rows (3 repeats): AUC",
  "cli.rebuild.compareSix": (a) =>
    `  the six shipped factors: ${a.six}; all ${a.count} canonical ratios: ${a.all}; the six without interest coverage: ${a.noInterest}`,
  "cli.rebuild.comparePlus": (a) => `  the six + ${a.key}: ${a.auc}`,
  "cli.rebuild.wrote": (a) => `wrote ${a.out}`,
  /** Reading the data file of calibrate and evaluate. */
  "cli.data.notFound": (a) => `file not found: ${a.file}`,
  "cli.data.format": (a) => `unreadable format "${a.ext}": give a ${a.xlsx ? ".csv, .xlsx or .arff" : ".csv or .arff"} file`,
  "cli.data.unreadable": (a) => `cannot read ${a.file}: ${a.detail}`,
  "cli.data.modelNotFound": (a) => `model file not found: ${a.file}`,
  /** Reading a labelled data set (scripts/lib/dataset.ts); columns and tried are lists of names. */
  "cli.dataset.labelNotFound": (a) => `label column "${a.label}" not found; columns are: ${joined(a.columns, ", ")}`,
  "cli.dataset.noLabel": (a) => `no label column found (tried ${joined(a.tried, ", ")}); name it with --label <column>`,
  "cli.dataset.notArff": () => "not an ARFF file (no @attribute/@data sections)",
  "cli.dataset.csvTooShort": () => "CSV needs a header row and at least one data row",
  "cli.dataset.noWorksheet": (a) => `${a.file} has no worksheet`,
  "cli.dataset.sheetTooShort": () => "the worksheet needs a header row and at least one data row",
  /** Words of the evaluate/calibrate reports: a split's name (`cli.report.split`), on/off, a figure not available. */
  "cli.report.splitName": (a) => `${a.split}`,
  "cli.report.onOff": (a) => (a.on ? "on" : "off"),
  "cli.report.na": () => "n/a",
  /** The tables `npm run calibrate -- <history> --ledger <file>` joins (scripts/lib/ledger-file.ts); what: ledger | history. */
  "cli.tableFile.format": (a) =>
    `unreadable format "${a.ext}": give the ${a.what === "ledger" ? "invoice ledger" : "history"} as a .csv or .xlsx file`,
  "cli.tableFile.tooShort": (a) =>
    `${a.file}: the ${a.what === "ledger" ? "invoice ledger" : "history"} needs a header row and at least one data row`,
} satisfies Record<string, Entry>;

export type CliMessageId = keyof typeof CLI_EN;
