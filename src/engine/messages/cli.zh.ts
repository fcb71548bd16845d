/** Chinese messages of the command-line tools: the same ids and arguments as cli.en.ts. */
import type { Entry } from "./types";
import type { CliMessageId } from "./cli.en";
import { grouped, hexByte, joined } from "./describe";

export const CLI_ZH: Record<CliMessageId, Entry> = {
  "cli.score.usage": () => `用法：npm run score -- <输入.csv|输入.xlsx> [选项]

为表格中的每一行客户评分，并把风险列（评分、等级、违约概率、数据覆盖率、扣分原因；
有净资产或营业收入时另加建议额度及其规则；评估日期）追加到文件副本中。
输入文件绝不会被修改。

选项：
  -o, --out <文件>        输出文件（默认：<输入>.scored.csv / .xlsx，与输入格式相同）
  -f, --force             输出文件已存在时替换它（绝不替换输入文件）
      --as-of <日期>      评估日期，yyyy-mm-dd（默认：今天）
      --lang <en|zh>      风险列和提示信息的语言（默认：en）
      --sheet <名称|序号> xlsx：要评分的工作表，按名称或位置（默认：第一个）
      --header-row <n>    表头所在的行号（默认：第 1–50 行中第一个含评分因子列名的行）
      --encoding <编码>   csv：文本编码（默认自动识别：UTF-8（有无 BOM 均可）、带 BOM 的 UTF-16、
                          GB18030/GBK）；例如 gb18030、utf-16le、windows-1252
      --delimiter <d>     csv：分隔符 comma、semicolon 或 tab（默认自动识别）
      --decimal <符号>    csv：小数点，"." 或 ","（默认自动识别；分号分隔的文件通常用逗号）
      --model <文件>      用 npm run calibrate -- <历史数据> 拟合的模型评分（默认：出厂评分卡）
  -h, --help              显示本帮助

退出码：0 全部行已评分 · 2 部分行有错误（见其单元格）· 1 没有任何行被评分。`,
  "cli.score.usageHint": () => "运行 npm run score -- --help 查看选项。",
  "cli.score.unknownOption": (a) => `未知选项 ${a.opt}。`,
  "cli.score.missingValue": (a) => `${a.opt} 需要一个值。`,
  "cli.score.noInput": () => "未指定输入文件：请给出一个 .csv 或 .xlsx 文件。",
  "cli.score.tooManyInputs": (a) => `只能有一个输入文件，却给了 "${a.first}" 和 "${a.second}"。`,
  "cli.score.badLang": (a) => `--lang 只能是 en 或 zh，得到的是 "${a.value}"。`,
  "cli.score.badModel": (a) => `--model：${a.detail}。请提供由 npm run calibrate -- <历史数据> --out <模型.json> 写出的模型文件。`,
  "cli.score.badAsOf": (a) => `--as-of "${a.value}" 不是日期：${a.detail} 请写成 yyyy-mm-dd。`,
  "cli.score.badDelimiter": (a) => `--delimiter 只能是 comma、semicolon 或 tab（或 , ; \\t），得到的是 "${a.value}"。`,
  "cli.score.badDecimal": (a) => `--decimal 只能是 "." 或 ","，得到的是 "${a.value}"。`,
  "cli.score.badHeaderRow": (a) => `--header-row 必须是 1 到 1048576 之间的行号，得到的是 "${a.value}"。`,
  "cli.score.unknownEncoding": (a) => `Node.js 不认识编码 "${a.value}"（可试 utf-8、utf-16le、gb18030、windows-1252）。`,
  "cli.score.csvOnly": (a) => `${a.opt} 只适用于 CSV 文件。`,
  "cli.score.xlsxOnly": (a) => `${a.opt} 只适用于 .xlsx 文件。`,
  "cli.score.inputMissing": (a) => `找不到输入文件：${a.path}`,
  "cli.score.inputIsFolder": (a) => `${a.path} 是文件夹：请给出一个 .csv 或 .xlsx 文件。`,
  "cli.score.unsupportedFormat": (a) => `无法读取 "${a.ext || "（无扩展名）"}" 文件：请给出 .csv 或 .xlsx 文件。`,
  "cli.score.xlsFormat": (a) => `无法读取 "${a.ext}" 文件：请在 Excel 中打开并另存为 .xlsx（Excel 工作簿），再对该文件评分。`,
  "cli.score.outFormat": (a) => `输出文件必须与输入格式相同（${a.ext}），得到的是 ${a.out}。`,
  "cli.score.sameFile": (a) =>
    `拒绝写入 ${a.out}：它就是输入文件 ${a.input}${a.how === "link" ? "（指向它的链接）" : a.how === "case" ? "（仅大小写不同的同名文件，在 Windows 和 macOS 上是同一个文件）" : ""}。请用 --out 另选文件名；输入文件永远不会被覆盖。`,
  "cli.score.outExists": (a) => `${a.out} 已存在。加 --force 可替换它，或用 --out 另选文件名。`,
  "cli.score.outIsFolder": (a) => `--out ${a.out} 是文件夹：请给出文件名。`,
  "cli.score.outFolderMissing": (a) => `输出文件夹 ${a.folder} 不存在。`,
  "cli.score.utf32": (a) => `${a.file} 是 UTF-32 文本，不受支持：请另存为 CSV UTF-8。`,
  "cli.score.utf16NoBom": (a) =>
    `${a.file} 看起来是没有字节顺序标记（BOM）的 UTF-16 文本：请加 --encoding utf-16le（或 utf-16be）重新运行。`,
  "cli.score.notUtf8": (a) =>
    `${a.file} 不是 UTF-8（偏移 ${grouped(a.offset)} 处的字节 0x${hexByte(a.byte)}），看起来也不是中文 GB18030/GBK。请用 --encoding 指明其编码（如西欧版 Excel 的 windows-1252）重新运行，或在 Excel 中另存为“CSV UTF-8”。`,
  "cli.score.decodeFailed": (a) =>
    `${a.file} 在第 ${grouped(a.offset)} 字节附近不是有效的 ${a.encoding}：请用 --encoding 指明其真实编码重新运行。未写入任何文件。`,
  "cli.score.notXlsx": (a) =>
    `${a.file} 不是 .xlsx 工作簿（不是 zip 包；设有密码的工作簿也不是）：请在 Excel 中打开并不设密码另存为 .xlsx。`,
  "cli.score.partsUnreadable": (a) =>
    `${a.file}：以下部件无法复制（${a.parts}）；为免生成缺少它们的工作簿，未写入任何文件。请在 Excel 中打开并重新另存为 .xlsx。`,
  "cli.score.badPart": (a) => `${a.file}：部件 ${a.part} 已损坏（${a.detail}）。请在 Excel 中打开并重新保存。`,
  "cli.score.noWorksheet": (a) => `${a.file} 中没有工作表。`,
  "cli.score.emptyFile": (a) => `${a.file} 是空文件：无可评分内容，未写入任何文件。`,
  "cli.score.sheetNotFound": (a) => `没有名为 "${a.sheet}" 的工作表：工作簿中有 ${a.names}。`,
  "cli.score.notAWorksheet": (a) => `"${a.sheet}" 是图表工作表，不是普通工作表：请用 --sheet 选择一个工作表。`,
  "cli.score.noHeaderRow": (a) =>
    `${a.where}：第 1–${a.rows} 行中没有任何一行含评分因子列名。请用因子名（${a.keys}，或其中英文名称）命名各列，或用 --header-row 指定表头行。`,
  "cli.score.headerRowMissing": (a) => `${a.where}：第 ${grouped(a.row)} 行（--header-row）为空或超出工作表末尾。`,
  "cli.score.headerRowUnrecognised": (a) => `${a.where}，表头行 ${grouped(a.row)}：${a.detail}`,
  "cli.score.noDataRows": (a) => `${a.where}：表头行 ${grouped(a.row)} 下没有数据行；无可评分内容，未写入任何文件。`,
  "cli.score.noRoom": (a) => `${a.where}：最后一个已用列之后没有空间放风险列（Excel 最多 16,384 列）。`,
  "cli.score.readCsv": (a) =>
    `已读取 ${a.file}（${a.encoding}，${a.delimiter}分隔，小数点 ${a.decimal}），表头行 ${grouped(a.headerRow)}。`,
  "cli.score.readXlsx": (a) => `已读取 ${a.file}，工作表 ${a.sheet}，表头行 ${grouped(a.headerRow)}。`,
  "cli.score.decimalMixed": (a) => `发现两种小数点写法的数字；已按 "${a.decimal}" 读取，另一种写法的单元格报为错误。可用 --decimal 指定。`,
  "cli.score.replacedOwn": (a) => `已替换上次运行写入的风险列（${a.columns}）。`,
  "cli.score.appendedAt": (a) => `风险列写入 ${a.columns}。`,
  "cli.score.errorRows": (a) => `${grouped(a.count)} 行无法评分；原因写在该行的单元格中。前几行：`,
  "cli.score.errorAt": (a) => `  ${a.address}：${a.message}`,
  "cli.score.moreErrors": (a) => `  …… 另有 ${grouped(a.count)} 行。`,
  "cli.score.wrote": (a) => `已写入 ${a.out}：${grouped(a.scored)} 行已评分，评估日期 ${a.asOf}。`,
  "cli.score.nothingScored": (a) => `没有任何行能被评分${a.out ? `；原因见 ${a.out}` : ""}。`,
  "cli.score.failed": (a) => `${a.file}：${a.detail}`,
  "cli.score.partMissing": () => "缺失",
  "cli.delimiter.comma": () => "逗号",
  "cli.delimiter.semicolon": () => "分号",
  "cli.delimiter.tab": () => "制表符",
  "cli.encoding.bom": (a) => `${a.name}，带 BOM`,
  "cli.encoding.given": (a) => `${a.name}，按指定`,
  "cli.xlsx.notUtf8": () => "不是有效的 UTF-8",
  "cli.xlsx.utf16Part": () => "含字节顺序标记（不支持 UTF-16 部件）",
  "cli.xlsx.badRowNumber": (a) => `行号“${a.value}”无效`,
  "cli.xlsx.badCellRef": (a) => `单元格引用“${a.ref}”无效`,
  "cli.args.unknownOption": (a) => `${a.name}：未知选项 ${a.flag}`,
  "cli.args.takesNoValue": (a) => `${a.name}：${a.flag} 不接受值`,
  "cli.args.needsValue": (a) => `${a.name}：${a.flag} 需要一个值`,
  "cli.args.unexpected": (a) => `${a.name}：多余的参数 ${a.arg}`,
  "cli.evaluate.usage": (
    a,
  ) => `用法：npm run evaluate -- <文件.csv|文件.arff> [--label <列>] [--bad <值>] [--split all|train|validation] [--horizon <年>] [--seed <n>] [--cutoff <评分>] [--false-alarm <比例>] [--model <模型.json>] [--incomplete-statements on|off] [--lang en|zh]

用出厂评分卡为每个带标签的行评分，并输出 AUC、KS、Brier、各等级对违约的捕获率和误报率，
以及同一批行上 Altman Z'' 的对应指标。
  --label <列>       标签列（默认：class、label、default、bankrupt、status_label、违约 等）
  --bad <值>         表示“已违约”的标签值（其他值均视为正常）
  --split <行>       all（默认），或校准时的 train（训练）或 validation（验证）行
  --horizon <年>     Brier 评分所用的标签期限（年）（默认：取自波兰数据文件名，否则为 1）
  --seed <n>         70/30 划分的随机种子（默认 ${a.seed}）
  --cutoff <评分>    另外输出低于假设 C|D 分界线的比例
  --false-alarm <比例>  另外输出误报正常行不超过此比例（0–1）的最高分界线
  --model <文件>     评估此模型 JSON（由 npm run calibrate 生成），而非出厂模型
  --incomplete-statements on|off   开关模型的“未报告利息”因子（默认：按模型出厂设置）
  --lang en|zh       本帮助和错误信息的语言（默认 en；评估报告为英文）
  --help             显示本帮助`,
  "cli.evaluate.oneFile": () => "请给出且只给出一个数据文件",
  "cli.evaluate.noRows": (a) => `${a.file}：没有带标签的行，或没有可识别的因子列（已忽略：${a.ignored}）`,
  "cli.evaluate.badSplit": () => "--split 只能是 all、train 或 validation",
  "cli.evaluate.badHorizonSeed": () => "--horizon 必须是正的年数，--seed 必须是整数",
  "cli.evaluate.badCutoff": () => "--cutoff 必须是 0 到 100 的评分",
  "cli.evaluate.badFalseAlarm": () => "--false-alarm 必须是 0 到 1 的比例",
  "cli.evaluate.badIncomplete": () => "--incomplete-statements 只能是 on 或 off",
  "cli.calibrate.usage": (
    a,
  ) => `用法：npm run calibrate -- [--data <文件.arff|文件.csv>] [--label <列>] [--bad <值>] [--out <模型.json>] [--seed <n>] [--horizon <年>] [--version <v>]
      npm run calibrate -- <历史数据.csv|历史数据.xlsx> --label <列> --out <模型.json> [--stage auto|levels|weights|full] [--default-rate <比例>] [--holdout <比例>]

不给历史数据文件时：用带标签的文件（默认 ../shared/data/polish-bankruptcy-1year.arff）重建出厂评分卡，
并写出模型 JSON（默认 src/engine/scoring/scorecard-model.v2.json）。
给出历史数据文件时：按您自己带标签的客户拟合评分卡，交叉验证结果不差于出厂模型时写出拟合的模型。
按历史数据中的违约数分阶段：levels（等级分界线和 PD 水平；任何历史数据均可，无违约时需 --default-rate）、
weights（25 个违约）、full（100 个）。
  --stage <s>        auto（默认：违约数允许的最高阶段）、levels、weights 或 full
  --default-rate <r> 组合预期的 12 个月违约率（levels 阶段；无违约时必需）
  --holdout <比例>   用其余行拟合，并在这一比例的行上报告拟合模型和出厂模型的指标
  --lang en|zh       报告信息的语言（默认 en）
  --data <文件>      带标签的数据：UCI 波兰 ARFF，或列名为规范键或中英文名称的 CSV
  --label <列>       标签列（默认：class、label、default、bankrupt、status_label、违约 等）
  --bad <值>         表示“已违约”的标签值（其他值均视为正常）
  --out <文件>       模型 JSON 的写入位置
  --seed <n>         70/30 分层划分的随机种子（默认 ${a.seed}）
  --horizon <年>     标签期限（年）（默认：取自波兰数据文件名，否则为 1）
  --version <v>      写入 JSON 的模型版本（默认 ${a.version}）
  --compare-factors  另外输出其他因子组合在训练行上的交叉验证 AUC
  --help             显示本帮助`,
  "cli.calibrate.needsOut": () => "请用 --out <模型.json> 指定要写入的模型文件",
  "cli.calibrate.outIsInput": () => "--out 不能是历史数据文件（输入文件永远不会被覆盖）",
  "cli.calibrate.badLang": () => "--lang 只能是 en 或 zh",
  "cli.calibrate.badStage": () => "--stage 只能是 auto、levels、weights 或 full",
  "cli.calibrate.badHoldout": () => "--holdout 必须是 0 到 1 之间的比例",
  "cli.calibrate.badSeedHorizon": () => "--seed 必须是整数，--horizon 必须是正的年数",
  "cli.calibrate.oneHistory": (a) => `只能给一个历史数据文件，却给了 ${a.count} 个`,
  "cli.calibrate.needsHistory": (a) =>
    `--${a.option} 需要一个历史数据文件（npm run calibrate -- <历史数据.csv> --label <列> --out <模型.json>）`,
  "cli.calibrate.usageLedger": () => `以发票台账代替结果列：
  npm run calibrate -- <历史数据.csv|历史数据.xlsx> --ledger <台账.csv|台账.xlsx> --as-of <yyyy-mm-dd> [--data-date <yyyy-mm-dd>] --out <模型.json>
  历史数据需要客户编号列；台账的列按表头识别（客户、发票日期、到期日、付款日期、金额、未结金额、争议；中英文均可）。
  观察日（历史数据中各项指标的观察日期）之后 12 个月内有发票逾期 90 天及以上的客户判定为违约。
  --ledger <文件>        发票台账（每行一张发票）
  --as-of <日期>         历史数据中各项指标的观察日期
  --data-date <日期>     台账数据截止日（默认：台账中最晚的发票日期或付款日期）
  --days-past-due <n>    判定违约的逾期天数（默认 90）
  --window-months <n>    观察日之后计入违约的月数（默认 12）
  --min-amount <x>       计入违约的逾期发票最低未付金额（默认 0）`,
  "cli.calibrate.labelOrLedger": () => "结果只能以列（--label、--bad）或由发票台账（--ledger）给出，不能同时给出",
  "cli.calibrate.ledgerIsHistory": () => "--ledger 必须是与历史数据不同的文件（两者都只读取第一个工作表）",
  "cli.calibrate.ledgerNeedsAsOf": () => "--ledger 需要 --as-of <yyyy-mm-dd>：历史数据中各项指标的观察日期",
  "cli.calibrate.badDate": (a) => `--${a.option} 必须是 yyyy-mm-dd 格式的日期，实际为“${a.value}”`,
  "cli.calibrate.ledgerBadRows": (a) => `${a.file}：有 ${a.count} 行台账无法读取，已略过（其客户不会被判定为正常）：${a.first}`,
  "cli.calibrate.outIsLedger": () => "--out 不能是台账文件（输入文件永远不会被覆盖）",
  "cli.calibrate.needsLedger": (a) => `--${a.option} 需与 --ledger <文件> 一起使用（由发票台账得出结果）`,
  "cli.report.n": (a) => `  n = ${a.n}（违约 ${a.defaulters}，${a.share}），平均覆盖率 ${a.coverage}`,
  "cli.report.model": (a) =>
    `  CreditSentinel  AUC ${a.auc}  KS ${a.ks}  Brier ${a.brier}（违约概率期限 ${a.horizon} 年）；平均 12 个月违约概率 ${a.pd}`,
  "cli.report.deCapture": (a) => `                  D–E 级覆盖 ${a.capture} 的违约企业和 ${a.falseAlarm} 的正常企业`,
  "cli.report.benchmark": (a) =>
    `  ${a.name}  AUC ${a.auc}  KS ${a.ks}，基于 ${a.n} 行有其所需输入的数据（CreditSentinel 在相同行上：AUC ${a.modelAuc}  KS ${a.modelKs}）`,
  "cli.report.benchmarkCutoff": (a) =>
    `                  ${a.cutoff} 覆盖 ${a.capture} 的违约企业和 ${a.falseAlarm} 的正常企业（CreditSentinel D–E 级：${a.modelCapture} / ${a.modelFalseAlarm}）`,
  "cli.report.notReported": (a) =>
    `  未报告利息（空白且资产负债率 ≥ 阈值）：${a.flagged} 行，违约 ${a.flaggedRate}；已报告或负债较低：${a.reported} 行，${a.reportedRate}；无利息列或负债未知：${a.unknown} 行；利息保障倍数恰为 0：${a.zero} 行，违约 ${a.zeroDefaulted} 个`,
  "cli.report.bandHeader": () => `  等级   n      违约数      违约率   平均 12 个月违约概率`,
  "cli.report.allRows": () => "全部行",
  "cli.report.split": (a) => `${a.split}（种子 ${a.seed}，70/30 分层划分）`,
  "cli.report.trainSplit": () => "训练集",
  "cli.report.validationSplit": () => "验证集",
  "cli.evaluate.header": (a) =>
    `${a.file} — 模型 ${a.id} ${a.version}${a.incomplete ? `（未报告利息：${a.incomplete}）` : ""}；标签列“${a.label}”${a.bad !== undefined ? `（违约 = “${a.bad}”）` : ""}；因子 ${a.factors}`,
  "cli.evaluate.skipped": (a) => `  跳过 ${a.rows} 行没有 0/1 标签的数据；${a.cells} 个文本单元格按缺失处理`,
  "cli.evaluate.falseAlarm": (a) =>
    `  误报预算 ${a.budget} %：分界 ${a.cutoff} 标出 ${a.defaulters} % 的违约企业和 ${a.healthy} % 的正常企业`,
  "cli.evaluate.belowCutoff": (a) => `  低于分界 ${a.cutoff}：${a.defaulters} % 的违约企业和 ${a.healthy} % 的正常企业`,
  "cli.history.header": (a) =>
    `${a.file}：${a.rows} 行，${a.defaults} 个违约${a.held ? `（在 ${a.total} 行中的 ${a.share} 上拟合；留出 ${a.held} 行）` : ""}；标签列“${a.label}”；阶段 ${a.stage}`,
  "cli.history.fitted": () => "拟合模型",
  "cli.history.shipped": () => "出厂模型",
  "cli.history.row": (a) =>
    `  ${a.name} AUC ${a.auc}  KS ${a.ks}  Brier ${a.brier}  D–E 级：覆盖 ${a.capture} 的违约、${a.falseAlarm} 的正常`,
  "cli.history.cv": (a) => `相同行上的 ${a.folds} 折交叉验证（种子 ${a.seed}）${a.measurable ? "" : "（没有违约样本：无法衡量）"}：`,
  "cli.history.weights": (a) => `权重：${a.weights}`,
  "cli.history.bands": (a) => `等级（分界、行数、违约数、12 个月违约概率）：${a.bands}`,
  "cli.history.heldOut": (a) => `留出行（${a.rows} 行，${a.defaults} 个违约），从未参与拟合：`,
  "cli.history.worse": (a) => `拟合结果不如出厂模型（交叉验证），未写入 ${a.out}：请继续使用出厂模型。`,
  "cli.history.wrote": (a) => `已写入 ${a.out}（模型 ${a.version}）；用它评分：npm run score -- <客户.csv> --model ${a.out}`,
  "cli.rebuild.header": (a) => `${a.file}：${a.rows} 行，${a.defaulters} 个违约；种子 ${a.seed}；标签期限 ${a.horizon} 年`,
  "cli.rebuild.coefficients": (a) =>
    `系数（每单位 WoE 的存活对数几率）：${a.coefficients}${a.dropped ? `；已剔除（符号错误）：${a.dropped}` : ""}`,
  "cli.rebuild.horizon": (a) => `标签期限 → 12 个月：对数几率 × ${a.slope}；中性分 ${a.neutral}`,
  "cli.rebuild.incomplete": (a) =>
    `报表不完整（未报告利息）：训练集中标记 ${a.flagged} 行（${a.defaulters} 个违约）；系数 ${a.coefficient}；验证集 AUC 含此项 ${a.with}，不含 ${a.without} → 默认${a.enabled ? "启用" : "关闭"}`,
  "cli.rebuild.bands": (a) => `等级（最低分、12 个月违约概率）：${a.bands}`,
  "cli.rebuild.slopes": () => "只给出部分合并因子时验证集上的校准斜率（1 = 与全部给出时的校准一致）：",
  "cli.rebuild.slope": (a) => `  给出 ${a.given} 个：按合并权重 ${a.pooled}，直接相加 ${a.plain}`,
  "cli.rebuild.compare": () => "因子组合，等权重，训练集上 5 折交叉验证（重复 3 次）：AUC",
  "cli.rebuild.compareSix": (a) =>
    `  出厂的六个因子：${a.six}；全部 ${a.count} 个规范比率：${a.all}；六个因子去掉利息保障倍数：${a.noInterest}`,
  "cli.rebuild.comparePlus": (a) => `  六个因子 + ${a.key}：${a.auc}`,
  "cli.rebuild.wrote": (a) => `已写入 ${a.out}`,
  "cli.data.notFound": (a) => `找不到文件：${a.file}`,
  "cli.data.format": (a) => `无法读取的格式“${a.ext}”：请给出 ${a.xlsx ? ".csv、.xlsx 或 .arff" : ".csv 或 .arff"} 文件`,
  "cli.data.unreadable": (a) => `无法读取 ${a.file}：${a.detail}`,
  "cli.data.modelNotFound": (a) => `找不到模型文件：${a.file}`,
  "cli.dataset.labelNotFound": (a) => `找不到标签列“${a.label}”；现有的列为：${joined(a.columns, "、")}`,
  "cli.dataset.noLabel": (a) => `未找到标签列（已尝试 ${joined(a.tried, "、")}）；请用 --label <列> 指定`,
  "cli.dataset.notArff": () => "不是 ARFF 文件（没有 @attribute/@data 部分）",
  "cli.dataset.csvTooShort": () => "CSV 文件需要一行表头和至少一行数据",
  "cli.dataset.noWorksheet": (a) => `${a.file} 中没有工作表`,
  "cli.dataset.sheetTooShort": () => "工作表需要一行表头和至少一行数据",
  "cli.report.splitName": (a) => (a.split === "train" ? "训练集" : a.split === "validation" ? "验证集" : `“${a.split}”划分`),
  "cli.report.onOff": (a) => (a.on ? "开启" : "关闭"),
  "cli.report.na": () => "无",
  "cli.tableFile.format": (a) => `无法读取的格式“${a.ext}”：请以 .csv 或 .xlsx 文件给出${a.what === "ledger" ? "发票台账" : "历史表"}`,
  "cli.tableFile.tooShort": (a) => `${a.file}：${a.what === "ledger" ? "发票台账" : "历史表"}需要一行表头和至少一行数据`,
};
