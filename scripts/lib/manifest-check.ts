/**
 * Offline structural check of CreditSentinel's XML add-in-only manifest.
 *
 * `office-addin-manifest validate` needs a Microsoft web service, and no npm
 * package ships the manifest XSDs, so this checks what matters for this
 * add-in (and what the XSDs limit) without the network: well-formed XML,
 * identity fields, string length limits, https everywhere, every `resid`
 * resolving to a resource of the right kind, the shared runtime wiring
 * (SharedRuntime requirement, one long-lived runtime whose page is also the
 * custom-functions page, the FunctionFile and the task pane), the RISK
 * namespace, the Home-tab button, and icons that exist with the right size.
 */
import { XmlElement, XmlSyntaxError, attr, childElement, childElements, descendants, parseXml } from "./xml";

export const OFFICEAPP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
export const OV_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** Limits from the manifest schema and docs. */
export const LIMITS = { shortString: 125, longString: 250, url: 2048, resid: 32, displayName: 125, description: 250, providerName: 125 };

export interface ManifestProblem {
  /** 1-based line in the manifest, when the problem belongs to an element. */
  line: number | null;
  message: string;
}

export interface ManifestCheckOptions {
  /**
   * Base URL the add-in's files are served from. Default: the folder of
   * <DefaultSettings><SourceLocation> (https://localhost:3000/ in development).
   */
  baseUrl?: string;
  /**
   * Reads a file served under `baseUrl` by its relative path (e.g.
   * "assets/icon-32.png"); null when it does not exist. Without it the icon
   * files are not checked.
   */
  readFile?: (relativePath: string) => Uint8Array | null;
  /** Custom-functions namespace the manifest must declare. Default "RISK". */
  namespace?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^(0|[1-9][0-9]{0,4})(\.(0|[1-9][0-9]{0,4})){0,3}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
interface Resource {
  kind: ResourceKind;
  id: string;
  value: string;
  el: XmlElement;
}

/**
 * Checks a manifest and returns every problem found (empty when it passes).
 * Never throws on bad input: malformed XML is one problem.
 *
 * @example checkManifest(fs.readFileSync("manifest.xml", "utf8"), { readFile: (p) => readIfExists(p) }) // → []
 */
export function checkManifest(xml: string, options: ManifestCheckOptions = {}): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (el: XmlElement | null, message: string) => problems.push({ line: el ? el.line : null, message });

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return [{ line: e.line, message: `not well-formed XML: ${e.message}` }];
    throw e;
  }

  const xsiType = (el: XmlElement) => attr(el, "type", XSI_NS);
  if (root.local !== "OfficeApp" || root.ns !== OFFICEAPP_NS) {
    report(root, `root element must be OfficeApp in namespace ${OFFICEAPP_NS}`);
    return problems;
  }
  if (xsiType(root) !== "TaskPaneApp")
    report(root, `OfficeApp xsi:type must be "TaskPaneApp", found ${JSON.stringify(xsiType(root) ?? "")}`);

  const base = (local: string) => childElement(root, local, OFFICEAPP_NS);
  const required = (local: string): XmlElement | undefined => {
    const el = base(local);
    if (!el) report(root, `<${local}> is missing`);
    return el;
  };

  // ---- Identity -----------------------------------------------------------
  const id = required("Id");
  if (id && !GUID.test(id.text.trim())) report(id, `<Id> must be a GUID, found ${JSON.stringify(id.text.trim())}`);
  const version = required("Version");
  if (version && !VERSION.test(version.text.trim())) {
    report(version, `<Version> must look like 1.0.0.0 (1–4 numbers of at most 5 digits), found ${JSON.stringify(version.text.trim())}`);
  }
  const provider = required("ProviderName");
  if (provider) checkLength(provider, "<ProviderName>", provider.text.trim(), LIMITS.providerName, report);
  const locale = required("DefaultLocale");
  if (locale && !LOCALE.test(locale.text.trim()))
    report(locale, `<DefaultLocale> ${JSON.stringify(locale.text.trim())} is not a locale tag`);
  const displayName = required("DisplayName");
  if (displayName) checkLocaleAware(displayName, "<DisplayName>", LIMITS.displayName, report);
  const description = required("Description");
  if (description) checkLocaleAware(description, "<Description>", LIMITS.description, report);

  const iconUrl = required("IconUrl");
  const hiResIconUrl = required("HighResolutionIconUrl");
  const supportUrl = required("SupportUrl");
  for (const el of [iconUrl, hiResIconUrl, supportUrl]) if (el) requireUrl(el, `<${el.local}>`, attr(el, "DefaultValue"), report);
  const appDomains = base("AppDomains");
  for (const d of appDomains ? childElements(appDomains, "AppDomain", OFFICEAPP_NS) : [])
    requireUrl(d, "<AppDomain>", d.text.trim(), report);

  // ---- Host, requirements, default page --------------------------------------
  const hosts = required("Hosts");
  if (hosts && !childElements(hosts, "Host", OFFICEAPP_NS).some((h) => attr(h, "Name") === "Workbook")) {
    report(hosts, '<Hosts> must contain <Host Name="Workbook"/> (Excel)');
  }
  const requirements = base("Requirements");
  if (!hasSet(requirements, "SharedRuntime", OFFICEAPP_NS)) {
    report(requirements ?? root, 'the base <Requirements> must include <Set Name="SharedRuntime" MinVersion="1.1"/>');
  }
  const defaultSettings = required("DefaultSettings");
  const defaultSource = defaultSettings ? childElement(defaultSettings, "SourceLocation", OFFICEAPP_NS) : undefined;
  const defaultUrl = defaultSource ? attr(defaultSource, "DefaultValue") : undefined;
  if (defaultSettings && !defaultSource) report(defaultSettings, "<DefaultSettings> needs a <SourceLocation>");
  if (defaultSource) requireUrl(defaultSource, "<DefaultSettings><SourceLocation>", defaultUrl, report);
  const permissions = required("Permissions");
  if (permissions && !PERMISSIONS.includes(permissions.text.trim())) {
    report(permissions, `<Permissions> must be one of ${PERMISSIONS.join(", ")}, found ${JSON.stringify(permissions.text.trim())}`);
  }

  // ---- Every URL is https ----------------------------------------------------
  for (const el of [root, ...descendants(root)]) {
    for (const a of el.attributes) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
      if (/^\s*http:/i.test(a.value)) report(el, `${a.name}="${a.value}" on <${el.name}> must use https`);
    }
    if (/^\s*http:/i.test(el.text)) report(el, `<${el.name}> ${el.text.trim()} must use https`);
  }

  // ---- VersionOverrides --------------------------------------------------------
  const overrides = childElement(root, "VersionOverrides", OV_NS);
  if (!overrides) {
    report(root, `<VersionOverrides xmlns="${OV_NS}"> is missing (custom functions, runtime and ribbon live there)`);
    return problems;
  }
  if (xsiType(overrides) !== "VersionOverridesV1_0")
    report(overrides, '<VersionOverrides> xsi:type must be "VersionOverridesV1_0" for a task-pane add-in');
  if (!hasSet(childElement(overrides, "Requirements", OV_NS), "CustomFunctionsRuntime", BT_NS)) {
    report(overrides, '<VersionOverrides><Requirements> must include <bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>');
  }

  const resources = collectResources(overrides, report);
  const resolve = (el: XmlElement, expected: ResourceKind | null): Resource | undefined => {
    const resid = attr(el, "resid");
    if (resid === undefined) {
      report(el, `<${el.name}> needs a resid attribute`);
      return undefined;
    }
    const res = resources.get(resid);
    if (!res) {
      report(el, `resid "${resid}" on <${el.name}> is not defined in <Resources>`);
      return undefined;
    }
    if (expected && res.kind !== expected)
      report(el, `resid "${resid}" on <${el.name}> must name a resource in bt:${expected}, but it is in bt:${res.kind}`);
    return res;
  };
  // Every resid anywhere resolves, to the kind its element needs.
  for (const el of descendants(overrides)) if (attr(el, "resid") !== undefined) resolve(el, residKind(el));

  const vHosts = childElement(overrides, "Hosts", OV_NS);
  const host = vHosts ? childElements(vHosts, "Host", OV_NS).find((h) => xsiType(h) === "Workbook") : undefined;
  if (!host) {
    report(vHosts ?? overrides, '<VersionOverrides><Hosts> must contain <Host xsi:type="Workbook">');
    return problems;
  }
  const urlOf = (el: XmlElement | undefined) => (el ? resources.get(attr(el, "resid") ?? "")?.value : undefined);

  // Shared runtime: one long-lived runtime.
  const runtimes = childElement(host, "Runtimes", OV_NS);
  const runtimeList = runtimes ? childElements(runtimes, "Runtime", OV_NS) : [];
  if (runtimeList.length !== 1)
    report(runtimes ?? host, `expected exactly one <Runtime> in <Runtimes> (the shared runtime), found ${runtimeList.length}`);
  const runtime = runtimeList[0];
  if (runtime && attr(runtime, "lifetime") !== "long")
    report(runtime, `<Runtime> lifetime must be "long", found ${JSON.stringify(attr(runtime, "lifetime") ?? "")}`);
  const runtimeUrl = urlOf(runtime);

  // Custom functions.
  const allForms = childElement(host, "AllFormFactors", OV_NS);
  const cf = allForms ? childElements(allForms, "ExtensionPoint", OV_NS).find((e) => xsiType(e) === "CustomFunctions") : undefined;
  if (!cf) report(allForms ?? host, '<AllFormFactors> must contain <ExtensionPoint xsi:type="CustomFunctions">');
  else {
    const source = (local: string) => {
      const part = childElement(cf, local, OV_NS);
      const loc = part ? childElement(part, "SourceLocation", OV_NS) : undefined;
      if (!loc) report(part ?? cf, `custom functions <${local}> needs a <SourceLocation resid="...">`);
      return loc;
    };
    const script = urlOf(source("Script"));
    const page = source("Page");
    const metadata = urlOf(source("Metadata"));
    if (script && !/\.js$/.test(script)) report(cf, `custom functions <Script> should be a .js file, found ${script}`);
    if (metadata && !/\.json$/.test(metadata)) report(cf, `custom functions <Metadata> should be a .json file, found ${metadata}`);
    const pageUrl = urlOf(page);
    if (page && runtimeUrl && pageUrl && pageUrl !== runtimeUrl) {
      report(page, `custom functions <Page> (${pageUrl}) must be the shared runtime page (${runtimeUrl})`);
    }
    const ns = childElement(cf, "Namespace", OV_NS);
    const expectedNs = options.namespace ?? "RISK";
    if (!ns) report(cf, `custom functions need <Namespace resid="..."> (namespace ${expectedNs})`);
    else {
      const value = urlOf(ns);
      if (value !== undefined && value !== expectedNs)
        report(ns, `custom functions namespace must be ${JSON.stringify(expectedNs)}, found ${JSON.stringify(value)}`);
    }
  }

  // Desktop: FunctionFile and a Home-tab button that shows the task pane, all on the runtime page.
  const desktop = childElement(host, "DesktopFormFactor", OV_NS);
  if (!desktop) report(host, "<DesktopFormFactor> is missing");
  else {
    const functionFile = childElement(desktop, "FunctionFile", OV_NS);
    if (!functionFile) report(desktop, '<DesktopFormFactor> needs <FunctionFile resid="..."> (the shared runtime page)');
    else if (runtimeUrl && urlOf(functionFile) && urlOf(functionFile) !== runtimeUrl) {
      report(functionFile, `<FunctionFile> (${urlOf(functionFile)}) must be the shared runtime page (${runtimeUrl})`);
    }
    const actions = descendants(desktop).filter((e) => e.local === "Action" && xsiType(e) === "ShowTaskpane");
    const onHome = actions.filter((a) => ancestors(a).some((p) => p.local === "OfficeTab" && attr(p, "id") === "TabHome"));
    if (onHome.length === 0) report(desktop, 'no button on the Home tab (<OfficeTab id="TabHome">) with <Action xsi:type="ShowTaskpane">');
    for (const action of actions) {
      const loc = childElement(action, "SourceLocation", OV_NS);
      if (!loc) report(action, '<Action xsi:type="ShowTaskpane"> needs a <SourceLocation resid="...">');
      else if (runtimeUrl && urlOf(loc) && urlOf(loc) !== runtimeUrl) {
        report(loc, `the task pane (${urlOf(loc)}) must be the shared runtime page (${runtimeUrl})`);
      }
    }
    for (const icon of descendants(desktop).filter((e) => e.local === "Icon")) {
      const sizes = childElements(icon, "Image", BT_NS).map((i) => attr(i, "size"));
      for (const need of ["16", "32", "80"])
        if (!sizes.includes(need)) report(icon, `<Icon> needs a ${need}×${need} <bt:Image size="${need}">`);
    }
  }

  // ---- Icons exist in assets/ with the right size ---------------------------------
  if (options.readFile) {
    const baseUrl = options.baseUrl ?? (defaultUrl ? defaultUrl.slice(0, defaultUrl.lastIndexOf("/") + 1) : undefined);
    const images: { el: XmlElement; url: string; size: number | null; what: string }[] = [];
    if (iconUrl && attr(iconUrl, "DefaultValue"))
      images.push({ el: iconUrl, url: attr(iconUrl, "DefaultValue") as string, size: 32, what: "<IconUrl>" });
    if (hiResIconUrl && attr(hiResIconUrl, "DefaultValue")) {
      images.push({ el: hiResIconUrl, url: attr(hiResIconUrl, "DefaultValue") as string, size: 64, what: "<HighResolutionIconUrl>" });
    }
    for (const res of resources.values()) {
      if (res.kind !== "Images") continue;
      const sizes = new Set(
        descendants(overrides)
          .filter((e) => e.local === "Image" && e.ns === BT_NS && attr(e, "resid") === res.id)
          .map((e) => Number(attr(e, "size"))),
      );
      const size = sizes.size === 1 ? [...sizes][0] : null;
      if (sizes.size > 1) report(res.el, `image "${res.id}" is used with different sizes (${[...sizes].join(", ")})`);
      images.push({ el: res.el, url: res.value, size, what: `image "${res.id}"` });
      for (const o of childElements(res.el, "Override", BT_NS))
        images.push({ el: o, url: attr(o, "Value") ?? "", size, what: `image "${res.id}" (${attr(o, "Locale")})` });
    }
    for (const img of images) checkIcon(img, baseUrl, options.readFile, report);
  }

  return problems;
}

/** "manifest.xml:12: message" */
export function formatProblem(file: string, p: ManifestProblem): string {
  return `${file}${p.line ? `:${p.line}` : ""}: ${p.message}`;
}

/** Width and height of a PNG, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return null;
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

type Report = (el: XmlElement | null, message: string) => void;

function checkLength(el: XmlElement, what: string, value: string, max: number, report: Report): void {
  if (value.trim() === "") report(el, `${what} is empty`);
  else if ([...value].length > max) report(el, `${what} is ${[...value].length} characters long; the limit is ${max}`);
}

/** DefaultValue plus <Override Locale Value> children, each within `max`. */
function checkLocaleAware(el: XmlElement, what: string, max: number, report: Report): void {
  checkLength(el, `${what} DefaultValue`, attr(el, "DefaultValue") ?? "", max, report);
  for (const o of el.children.filter((c) => c.local === "Override")) {
    const loc = attr(o, "Locale") ?? "";
    if (!LOCALE.test(loc)) report(o, `${what} <Override> needs a Locale like "zh-CN", found ${JSON.stringify(loc)}`);
    checkLength(o, `${what} <Override Locale="${loc}">`, attr(o, "Value") ?? "", max, report);
  }
}

function requireUrl(el: XmlElement, what: string, value: string | undefined, report: Report): void {
  if (!value || value.trim() === "") {
    report(el, `${what} has no URL`);
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    report(el, `${what} ${JSON.stringify(value)} is not a valid absolute URL`);
    return;
  }
  // http: is reported once, by the scan of every attribute and text in checkManifest.
  if (url.protocol !== "https:" && url.protocol !== "http:") report(el, `${what} ${value} must use https`);
  if (value.length > LIMITS.url) report(el, `${what} is ${value.length} characters long; the limit is ${LIMITS.url}`);
}

function hasSet(requirements: XmlElement | undefined, name: string, ns: string): boolean {
  if (!requirements) return false;
  return childElements(requirements, "Sets", ns).some((sets) =>
    childElements(sets, "Set", ns).some(
      (s) => attr(s, "Name") === name && versionAtLeast(attr(s, "MinVersion") ?? attr(sets, "DefaultMinVersion") ?? "", "1.1"),
    ),
  );
}

function versionAtLeast(v: string, min: string): boolean {
  const a = v.split(".").map(Number);
  const b = min.split(".").map(Number);
  if (a.some((n) => !Number.isFinite(n))) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

function ancestors(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The resource kind a resid on this element must name (null: any). */
function residKind(el: XmlElement): ResourceKind | null {
  switch (el.local) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "Runtime":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return null;
  }
}

function collectResources(overrides: XmlElement, report: Report): Map<string, Resource> {
  const map = new Map<string, Resource>();
  const resources = childElement(overrides, "Resources", OV_NS);
  if (!resources) {
    report(overrides, "<VersionOverrides> needs <Resources>");
    return map;
  }
  const groups: [ResourceKind, string][] = [
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "String"],
    ["LongStrings", "String"],
  ];
  for (const [kind, item] of groups) {
    const group = childElement(resources, kind, BT_NS);
    for (const el of group ? childElements(group, item, BT_NS) : []) {
      const id = attr(el, "id") ?? "";
      const value = attr(el, "DefaultValue") ?? "";
      const what = `bt:${kind} "${id}"`;
      if (id === "") report(el, `a resource in bt:${kind} has no id`);
      else if (id.length > LIMITS.resid) report(el, `resource id "${id}" is ${id.length} characters long; the limit is ${LIMITS.resid}`);
      if (map.has(id)) report(el, `resource id "${id}" is defined twice (also in bt:${map.get(id)?.kind})`);
      else map.set(id, { kind, id, value, el });
      const overrides = childElements(el, "Override", BT_NS);
      for (const o of overrides) if (!LOCALE.test(attr(o, "Locale") ?? "")) report(o, `${what} <bt:Override> needs a Locale like "zh-CN"`);
      const values: [XmlElement, string, string][] = [
        [el, what, value],
        ...overrides.map((o): [XmlElement, string, string] => [o, `${what} (${attr(o, "Locale")})`, attr(o, "Value") ?? ""]),
      ];
      for (const [node, label, v] of values) {
        if (kind === "ShortStrings") checkLength(node, label, v, LIMITS.shortString, report);
        else if (kind === "LongStrings") checkLength(node, label, v, LIMITS.longString, report);
        else requireUrl(node, label, v, report);
      }
    }
  }
  return map;
}

function checkIcon(
  img: { el: XmlElement; url: string; size: number | null; what: string },
  baseUrl: string | undefined,
  readFile: (relativePath: string) => Uint8Array | null,
  report: Report,
): void {
  if (!baseUrl || !img.url.startsWith(baseUrl)) {
    report(img.el, `${img.what} ${img.url} is not served by the add-in (${baseUrl ?? "unknown base URL"}): icons must be files in assets/`);
    return;
  }
  const rel = decodeURIComponent(img.url.slice(baseUrl.length).split(/[?#]/)[0]);
  if (!rel.startsWith("assets/") || rel.split("/").includes("..")) {
    report(img.el, `${img.what} ${img.url} must point into assets/`);
    return;
  }
  const bytes = readFile(rel);
  if (!bytes) {
    report(img.el, `${img.what}: ${rel} does not exist`);
    return;
  }
  const dim = pngSize(bytes);
  if (!dim) report(img.el, `${img.what}: ${rel} is not a PNG file`);
  else if (img.size !== null && (dim.width !== img.size || dim.height !== img.size)) {
    report(img.el, `${img.what}: ${rel} is ${dim.width}×${dim.height} but must be ${img.size}×${img.size}`);
  }
}
