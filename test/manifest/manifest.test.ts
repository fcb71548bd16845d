import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkManifest, ManifestProblem, pngSize } from "../../scripts/lib/manifest-check";
import { functionReferenceUrl } from "../../src/taskpane/i18n";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const readFile = (rel: string): Uint8Array | null => {
  const p = path.join(ROOT, rel);
  return existsSync(p) ? readFileSync(p) : null;
};
const check = (xml: string) => checkManifest(xml, { readFile });
const messages = (ps: ManifestProblem[]) => ps.map((p) => p.message);

/** Replaces exactly one occurrence (fails loudly if the text is not there, so no variant is a silent no-op). */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`variant did not change the manifest: ${String(from)}`);
  return out;
}

describe("the real manifest.xml", () => {
  test("passes every check, icons included", () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  test("declares what the add-in needs", () => {
    expect(MANIFEST).toContain("<Version>0.1.0.0</Version>");
    expect(MANIFEST).toContain("<ProviderName>CreditSentinel</ProviderName>");
    expect(MANIFEST).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="RISK"/);
    expect(MANIFEST).toMatch(/<Override Locale="zh-CN" Value="[^"]*信用哨兵"/);
  });

  test("the icons are PNGs of their nominal size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const bytes = readFile(`assets/icon-${size}.png`);
      expect(bytes).not.toBeNull();
      expect(pngSize(bytes as Uint8Array)).toEqual({ width: size, height: size });
    }
  });
});

// Each broken variant must be caught with a message that names the problem.
const VARIANTS: [string, (xml: string) => string, string][] = [
  ["malformed XML", (x) => replaceOnce(x, "</ProviderName>", "</Provider>"), "not well-formed XML"],
  [
    "undeclared namespace prefix",
    (x) => replaceOnce(x, '<bt:Image size="16" resid="Icon.16x16" />', '<zz:Image size="16" resid="Icon.16x16" />'),
    'unbound namespace prefix: "zz"',
  ],
  ["DOCTYPE", (x) => replaceOnce(x, "<OfficeApp ", "<!DOCTYPE x>\n<OfficeApp "), "DOCTYPE"],
  ["Id not a GUID", (x) => replaceOnce(x, /<Id>[^<]+<\/Id>/, "<Id>creditsentinel</Id>"), "<Id> must be a GUID"],
  [
    "Version with five parts",
    (x) => replaceOnce(x, "<Version>0.1.0.0</Version>", "<Version>0.1.0.0.1</Version>"),
    "<Version> must look like",
  ],
  [
    "Version with letters",
    (x) => replaceOnce(x, "<Version>0.1.0.0</Version>", "<Version>0.1.0-beta</Version>"),
    "<Version> must look like",
  ],
  ["missing ProviderName", (x) => replaceOnce(x, "<ProviderName>CreditSentinel</ProviderName>", ""), "<ProviderName> is missing"],
  [
    "DisplayName over 125",
    (x) => replaceOnce(x, '<DisplayName DefaultValue="CreditSentinel">', `<DisplayName DefaultValue="${"N".repeat(126)}">`),
    "<DisplayName> DefaultValue is 126 characters long; the limit is 125",
  ],
  [
    "zh-CN Description over 250",
    (x) => replaceOnce(x, /(<Override Locale="zh-CN" Value=")在 Excel/, `$1${"长".repeat(251)}`),
    'Description> <Override Locale="zh-CN">',
  ],
  [
    "ShortString over 125",
    (x) => replaceOnce(x, 'DefaultValue="Credit risk"', `DefaultValue="${"x".repeat(126)}"`),
    'bt:ShortStrings "Group.Label" is 126 characters long; the limit is 125',
  ],
  [
    "LongString over 250",
    (x) => replaceOnce(x, 'DefaultValue="Open the CreditSentinel pane', `DefaultValue="${"y".repeat(250)}`),
    'bt:LongStrings "TaskpaneButton.Tooltip"',
  ],
  [
    "LongString zh override over 250",
    (x) => replaceOnce(x, 'Value="打开信用哨兵窗格', `Value="${"长".repeat(250)}`),
    'bt:LongStrings "TaskpaneButton.Tooltip" (zh-CN)',
  ],
  ["empty ShortString", (x) => replaceOnce(x, 'DefaultValue="Credit risk"', 'DefaultValue=""'), '"Group.Label" is empty'],
  [
    "resid that resolves to nothing",
    (x) => replaceOnce(x, '<Label resid="Group.Label" />', '<Label resid="Group.Lable" />'),
    'resid "Group.Lable" on <Label> is not defined',
  ],
  [
    "resid of the wrong kind",
    (x) => replaceOnce(x, '<Description resid="TaskpaneButton.Tooltip" />', '<Description resid="Group.Label" />'),
    "must name a resource in bt:LongStrings",
  ],
  [
    "resource id over 32 characters",
    (x) => x.split("Functions.Metadata.Url").join("Functions.Metadata.Url.Which.Is.Too.Long"),
    "the limit is 32",
  ],
  [
    "duplicate resource id",
    (x) => replaceOnce(x, '<bt:Url id="FunctionReference.Url"', '<bt:Url id="Taskpane.Url"'),
    'resource id "Taskpane.Url" is defined twice',
  ],
  [
    "http resource URL",
    (x) => replaceOnce(x, "https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
    "must use https",
  ],
  [
    "http SupportUrl",
    (x) => replaceOnce(x, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
    "on <SupportUrl> must use https",
  ],
  ["http AppDomain", (x) => replaceOnce(x, "<AppDomain>https://", "<AppDomain>http://"), "<AppDomain> http://"],
  [
    "relative URL",
    (x) => replaceOnce(x, '<SupportUrl DefaultValue="https://creditsentinel.example.com/"', '<SupportUrl DefaultValue="support.html"'),
    "is not a valid absolute URL",
  ],
  [
    "namespace not RISK",
    (x) => replaceOnce(x, 'id="Functions.Namespace" DefaultValue="RISK"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'),
    'namespace must be "RISK", found "CONTOSO"',
  ],
  ["no Namespace element", (x) => replaceOnce(x, '<Namespace resid="Functions.Namespace" />', ""), "need <Namespace"],
  [
    "no SharedRuntime requirement",
    (x) => replaceOnce(x, '<Set Name="SharedRuntime" MinVersion="1.1" />', '<Set Name="ExcelApi" MinVersion="1.1" />'),
    "SharedRuntime",
  ],
  [
    "SharedRuntime below 1.1",
    (x) => replaceOnce(x, '<Set Name="SharedRuntime" MinVersion="1.1" />', '<Set Name="SharedRuntime" MinVersion="1.0" />'),
    "SharedRuntime",
  ],
  [
    "no CustomFunctionsRuntime requirement",
    (x) => replaceOnce(x, '<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1" />', ""),
    "CustomFunctionsRuntime",
  ],
  ["runtime lifetime short", (x) => replaceOnce(x, 'lifetime="long"', 'lifetime="short"'), '<Runtime> lifetime must be "long"'],
  ["no runtime", (x) => replaceOnce(x, '<Runtime resid="Taskpane.Url" lifetime="long" />', ""), "exactly one <Runtime>"],
  [
    "functions Page differs from the runtime page",
    (x) => replaceOnce(x, /(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1Functions.Script.Url"),
    "custom functions <Page>",
  ],
  [
    "FunctionFile differs from the runtime page",
    (x) => replaceOnce(x, '<FunctionFile resid="Taskpane.Url" />', '<FunctionFile resid="Functions.Script.Url" />'),
    "<FunctionFile>",
  ],
  [
    "task pane differs from the runtime page",
    (x) => replaceOnce(x, /(<TaskpaneId>[^<]*<\/TaskpaneId>\s*<SourceLocation resid=")Taskpane.Url/, "$1FunctionReference.Url"),
    "the task pane",
  ],
  ["button not on the Home tab", (x) => replaceOnce(x, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), "Home tab"],
  [
    "no custom functions extension point",
    (x) => replaceOnce(x, 'xsi:type="CustomFunctions"', 'xsi:type="Functions"'),
    'xsi:type="CustomFunctions"',
  ],
  ["not a task-pane add-in", (x) => replaceOnce(x, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), "TaskPaneApp"],
  ["not for Excel", (x) => replaceOnce(x, '<Host Name="Workbook" />', '<Host Name="Document" />'), 'Host Name="Workbook"'],
  ["icon sizes incomplete", (x) => replaceOnce(x, '<bt:Image size="80" resid="Icon.80x80" />', ""), 'needs a 80×80 <bt:Image size="80">'],
  [
    "icon file missing",
    (x) =>
      replaceOnce(
        x,
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-17.png"',
      ),
    "assets/icon-17.png does not exist",
  ],
  [
    "icon of the wrong size",
    (x) =>
      replaceOnce(
        x,
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />',
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-80.png" />',
      ),
    "is 80×80 but must be 32×32",
  ],
  [
    "icon outside assets/",
    (x) =>
      replaceOnce(
        x,
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/../manifest.xml"',
      ),
    "must point into assets/",
  ],
  [
    "icon on another server",
    (x) =>
      replaceOnce(
        x,
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/',
        '<HighResolutionIconUrl DefaultValue="https://cdn.example.com/',
      ),
    "is not served by the add-in",
  ],
  [
    "bad Permissions",
    (x) => replaceOnce(x, "<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
    "<Permissions> must be one of",
  ],
];

describe("broken manifests are caught", () => {
  test.each(VARIANTS)("%s", (_name, mutate, expected) => {
    const problems = check(mutate(MANIFEST));
    expect(problems.length).toBeGreaterThan(0);
    expect(messages(problems).join("\n")).toContain(expected);
  });

  test("problems carry the line of the offending element", () => {
    const broken = replaceOnce(MANIFEST, 'lifetime="long"', 'lifetime="short"');
    const line = broken.split("\n").findIndex((l) => l.includes('lifetime="short"')) + 1;
    expect(check(broken)).toEqual([{ line, message: '<Runtime> lifetime must be "long", found "short"' }]);
  });

  test("icon files are checked only when a reader is given", () => {
    const broken = replaceOnce(MANIFEST, "assets/icon-16.png", "assets/icon-17.png");
    expect(checkManifest(broken)).toEqual([]);
    expect(messages(checkManifest(broken, { readFile }))).toEqual(['image "Icon.16x16": assets/icon-17.png does not exist']);
  });

  test("an icon that is not a PNG is caught", () => {
    const notPng = (rel: string) => (rel === "assets/icon-80.png" ? new TextEncoder().encode("GIF89a, not a PNG at all") : readFile(rel));
    expect(messages(checkManifest(MANIFEST, { readFile: notPng }))).toEqual(['image "Icon.80x80": assets/icon-80.png is not a PNG file']);
  });

  test("a production manifest is checked against its own base URL and folder", () => {
    const prod = MANIFEST.split("https://localhost:3000/").join("https://addins.example.org/cs/");
    expect(checkManifest(prod, { readFile })).toEqual([]);
    expect(messages(checkManifest(prod, { readFile, baseUrl: "https://localhost:3000/" }))[0]).toContain("is not served by the add-in");
  });
});

describe("scripts/validate-manifest.mjs (npm run validate)", () => {
  const cli = path.join(ROOT, "scripts/validate-manifest.mjs");

  test("exits 0 on the real manifest", () => {
    const out = execFileSync(process.execPath, [cli, "manifest.xml"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toContain("manifest.xml: OK");
  });

  test("prints each problem with its line and exits 1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cs-manifest-"));
    const file = path.join(dir, "manifest.xml");
    writeFileSync(file, replaceOnce(replaceOnce(MANIFEST, 'lifetime="long"', 'lifetime="short"'), "<Id>", "<Id>x"));
    const run = spawnSync(process.execPath, [cli, file, "--root", ROOT], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/manifest\.xml:\d+: <Id> must be a GUID/);
    expect(run.stderr).toMatch(/manifest\.xml:\d+: <Runtime> lifetime must be "long"/);
    expect(run.stderr).toContain("2 problems");
  });

  test("rejects an unknown flag with the usage and exit code 2; --help prints the usage", () => {
    const bad = spawnSync(process.execPath, [cli, "--bogus"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--bogus'");
    expect(bad.stderr).toContain("usage: npm run validate");
    const help = spawnSync(process.execPath, [cli, "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run validate");
  });
});

describe("manifest and task pane agree", () => {
  test("GetStarted's LearnMoreUrl is the task pane's function reference link (docs/functions.md under SupportUrl)", () => {
    const support = /<SupportUrl DefaultValue="([^"]+)"/.exec(MANIFEST)?.[1] ?? "";
    const learnMore = /<bt:Url id="FunctionReference.Url" DefaultValue="([^"]+)"/.exec(MANIFEST)?.[1];
    expect(learnMore).toBe(functionReferenceUrl(support));
  });
});
