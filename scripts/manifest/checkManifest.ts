/**
 * Offline checks of the add-in only (XML) manifest: the rules of the Office add-in manifest
 * schema that break sideloading most often, plus this project's own policy.
 *
 * Microsoft's validator (`office-addin-manifest validate`) is a web service and its XSDs ship in
 * no package (shared/TOOLCHAIN.md), so `npm run validate` runs this instead. Pure: the caller
 * supplies file access through `opts`, so tests run it on strings.
 *
 * Every problem is one line: where (line and element), what is wrong, and what is expected.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** Children of <OfficeApp xsi:type="TaskPaneApp"> in schema (xs:sequence) order. */
export const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'VersionOverrides',
] as const;

/**
 * Required here: the schema's required elements plus those an Excel add-in with a ribbon button
 * needs (icons, Hosts with Workbook, the ExcelApi requirement, the VersionOverrides with the button).
 */
const REQUIRED_TOP_LEVEL = TOP_LEVEL_ORDER.filter((n) => !['AlternateId', 'AppDomains', 'AllowSnapshot'].includes(n));

export const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'] as const;
const HOST_NAMES = ['Document', 'Database', 'Mailbox', 'Notebook', 'Presentation', 'Project', 'Workbook'];

/** Allowed xsi:type values in the task pane VersionOverrides 1.0 schema (case-sensitive). */
export const XSI_TYPES: Readonly<Record<string, readonly string[]>> = {
  VersionOverrides: ['VersionOverridesV1_0'],
  Host: ['Workbook', 'Document', 'Presentation', 'Notebook'],
  ExtensionPoint: ['PrimaryCommandSurface', 'ContextMenu', 'CustomFunctions'],
  Control: ['Button', 'Menu'],
  Action: ['ShowTaskpane', 'ExecuteFunction'],
};

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
const RESOURCE_KINDS: readonly ResourceKind[] = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
/** Longest value of a string resource, Override values included. */
export const MAX_LENGTH: Readonly<Record<'ShortStrings' | 'LongStrings', number>> = { ShortStrings: 125, LongStrings: 250 };
export const MAX_RESOURCE_ID_LENGTH = 32;

/** Which resource kind a `resid` on an element of this name must point at. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

/** Sizes Office accepts for ribbon icons, and the ones it always asks for. */
const ICON_SIZES_ALLOWED = ['16', '20', '24', '32', '40', '48', '64', '80'];
const ICON_SIZES_REQUIRED = ['16', '32', '80'];
/** Pixel sizes Office asks of task pane add-in icons. */
const TOP_LEVEL_ICON_PIXELS: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** The GUID of the `yo office` template manifest: every add-in needs its own. */
const TEMPLATE_GUID = '05c2e1c9-3e1d-406e-9a91-e9ac64854143';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const MIN_VERSION = /^\d+\.\d+$/;

export interface ManifestCheckOptions {
  /** Whether a file exists, by path relative to the manifest's folder, e.g. "assets/icon-32.png". */
  assetExists(path: string): boolean;
  /** Pixel size of an image (relative path as above); when given, icon sizes are checked too. */
  imageSize?(path: string): { width: number; height: number } | undefined;
}

/**
 * The local file a served URL stands for: the part of its path from the `assets/` folder on, so
 * "https://localhost:3000/assets/icon-32.png" and "https://cdn.example/app/assets/icon-32.png" both
 * give "assets/icon-32.png". Undefined when the URL is not under an assets/ folder.
 */
export function assetPathForUrl(url: string): string | undefined {
  let segments: string[];
  try {
    segments = new URL(url).pathname.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return undefined; // not a URL, or a malformed %-escape
  }
  const at = segments.lastIndexOf('assets');
  if (at < 0 || at === segments.length - 1) return undefined;
  return segments.slice(at).join('/');
}

/** Problems found in the manifest, each a line with what is expected; empty when it is valid. */
export function checkManifest(xml: string, opts: ManifestCheckOptions): string[] {
  const parsed = parseManifest(xml);
  if ('problems' in parsed) return parsed.problems;
  const problems = [...checkSchemaRules(parsed.root, opts), ...checkProjectPolicy(parsed.root)];
  // Top to bottom, like a compiler's output (stable: same line keeps the order of the checks).
  const lineOf = (problem: string) => Number(/^line (\d+):/.exec(problem)?.[1] ?? 0);
  return problems.sort((a, b) => lineOf(a) - lineOf(b));
}

/**
 * Loopback and unspecified hosts: addresses that name the user's own computer, never a server the
 * organisation runs (URL.hostname gives IPv6 literals in brackets).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === '[::1]' ||
    host === '[::]' ||
    host === '[::ffff:7f00:1]'
  );
}

/**
 * Problems of a manifest meant for an organisation's own host (dist/manifest.xml from `BASE_URL=…
 * npm run build`): every check of checkManifest, then no address on this computer (localhost,
 * 127.0.0.1), and every page and icon under the folder of DefaultSettings/SourceLocation with its
 * file in the built folder. `opts.assetExists` answers for paths relative to that folder (dist/).
 */
export function checkProductionManifest(xml: string, opts: ManifestCheckOptions): string[] {
  const parsed = parseManifest(xml);
  if ('problems' in parsed) return parsed.problems;
  const root = parsed.root;
  if (nameOf(root) !== 'OfficeApp' || root.namespaceURI !== NS.app) return checkManifest(xml, opts);
  const problems: string[] = [];
  const report = (el: Element | undefined, message: string) => problems.push(`${where(el)}production: ${message}`);

  const addresses: [value: string, at: Element, what: string, image: boolean][] = [];
  for (const el of descendants(root)) {
    const image = ['IconUrl', 'HighResolutionIconUrl'].includes(nameOf(el)) || (nameOf(el) === 'Image' && el.namespaceURI === NS.bt);
    if (isUrlElement(el)) for (const [value, at] of valuesWithOverrides(el)) addresses.push([value, at, `<${qname(el)}> URL`, image]);
    if (nameOf(el) === 'AppDomain') addresses.push([text(el), el, 'AppDomain', false]);
  }
  for (const [value, at, what] of addresses) {
    const host = hostOf(value);
    if (host !== undefined && isLoopbackHost(host)) {
      report(at, `${what} ${quote(value)} is on this computer (${host}); expected the organisation's host (BASE_URL=https://…/ npm run build)`);
    }
  }

  const settings = childrenNamed(root, 'DefaultSettings')[0];
  const source = settings ? childrenNamed(settings, 'SourceLocation')[0]?.getAttribute('DefaultValue') : undefined;
  const base = source && hostOf(source) !== undefined ? new URL('.', source).href : undefined;
  if (base) {
    for (const [value, at, what, image] of addresses) {
      if (what === 'AppDomain' || hostOf(value) === undefined) continue; // the schema rules name these
      if (!value.startsWith(base)) {
        report(at, `${what} ${quote(value)} is not under ${base} (the folder of SourceLocation); expected every page and icon in the published dist/ folder`);
        continue;
      }
      const url = new URL(value);
      let path: string;
      try {
        path = decodeURIComponent(url.pathname.slice(new URL(base).pathname.length));
      } catch {
        path = url.pathname;
      }
      // checkIcons has already looked for an image under assets/ (and said so when it is missing).
      if (image && assetPathForUrl(value) === path) continue;
      if (path === '' || path.endsWith('/')) report(at, `${what} ${quote(value)} names a folder; expected a file in dist/`);
      else if (!opts.assetExists(path)) report(at, `${what} ${quote(value)} has no file ${path} in dist/; expected the page built there (npm run build)`);
    }
  }
  const lineOf = (problem: string) => Number(/^line (\d+):/.exec(problem)?.[1] ?? 0);
  return [...checkManifest(xml, opts), ...problems].sort((a, b) => lineOf(a) - lineOf(b));
}

/** The host name of an absolute URL, or undefined when it is none. */
function hostOf(value: string): string | undefined {
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
}

/** A one-line description of a manifest that passes, for the validator's OK line. */
export function describeManifest(xml: string): string {
  const parsed = parseManifest(xml);
  if ('problems' in parsed) return 'not well-formed XML';
  const root = parsed.root;
  const top = (name: string) => childrenNamed(root, name)[0];
  const excelApi = descendants(root, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
  const buttons = descendants(root, 'Control').filter((c) => xsiType(c) === 'Button').length;
  const resources = RESOURCE_KINDS.reduce((n, kind) => n + resourcesOf(root, kind).length, 0);
  return [
    `${top('DisplayName')?.getAttribute('DefaultValue') ?? '?'} ${text(top('Version'))}`,
    `Id ${text(top('Id'))}`,
    `ExcelApi ${excelApi?.getAttribute('MinVersion') ?? '?'}`,
    text(top('Permissions')),
    `${buttons} ribbon button${buttons === 1 ? '' : 's'}`,
    `${resources} resources`,
  ].join(', ');
}

function parseManifest(xml: string): { root: Element } | { problems: string[] } {
  const errors: string[] = [];
  let root: Element | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, msg) => errors.push(`${level}: ${msg.replace(/\s+/g, ' ').trim()}`),
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch (e) {
    if (errors.length === 0) errors.push(e instanceof Error ? e.message : String(e));
  }
  if (errors.length > 0 || !root) {
    const found = errors.length > 0 ? errors : ['no root element'];
    return { problems: found.map((e) => `not well-formed XML (${e}); expected a well-formed XML document`) };
  }
  return { root };
}

// ---------------------------------------------------------------------------------------------
// Schema rules

function checkSchemaRules(root: Element, opts: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const report = (el: Element | null | undefined, message: string) => problems.push(`${where(el)}${message}`);

  if (nameOf(root) !== 'OfficeApp' || root.namespaceURI !== NS.app) {
    report(
      root,
      `root element is {${root.namespaceURI ?? ''}}${nameOf(root)}; expected OfficeApp in namespace ${NS.app}`,
    );
    return problems; // nothing below means anything for another document type
  }
  if (xsiType(root) !== 'TaskPaneApp') {
    report(root, `xsi:type is ${quote(xsiType(root))}; expected "TaskPaneApp"`);
  }

  checkTopLevel(root, report);
  checkValues(root, report);
  checkUrls(root, report);
  checkXsiTypes(root, report);
  const resources = checkResources(root, report);
  checkResids(root, resources, report);
  checkCommands(root, report);
  checkIcons(root, resources, opts, report);
  return problems;
}

type Report = (el: Element | null | undefined, message: string) => void;

function checkTopLevel(root: Element, report: Report): void {
  const seen = new Map<string, Element>();
  for (const el of elementChildren(root)) {
    const name = nameOf(el);
    if (!(TOP_LEVEL_ORDER as readonly string[]).includes(name)) {
      report(el, `<${name}> is not a child OfficeApp allows; expected only ${TOP_LEVEL_ORDER.join(', ')}`);
      continue;
    }
    const expectedNs = name === 'VersionOverrides' ? NS.ov : NS.app;
    if (el.namespaceURI !== expectedNs) {
      report(el, `<${name}> is in namespace ${quote(el.namespaceURI ?? '')}; expected ${expectedNs}`);
    }
    if (seen.has(name)) report(el, `<${name}> appears more than once; expected it once`);
    seen.set(name, el);
  }
  checkChildOrder(root, TOP_LEVEL_ORDER, report);
  for (const name of REQUIRED_TOP_LEVEL) {
    if (!seen.has(name)) report(root, `<${name}> is missing; expected it as a child of OfficeApp`);
  }
}

function checkValues(root: Element, report: Report): void {
  const top = (name: string) => childrenNamed(root, name)[0];

  const id = top('Id');
  if (id && !GUID.test(text(id))) {
    report(id, `Id ${quote(text(id))} is not a GUID; expected 8-4-4-4-12 hex digits, e.g. ee283118-d7f1-4909-b203-833075b1268a`);
  }
  const version = top('Version');
  if (version && !VERSION.test(text(version))) {
    report(version, `Version ${quote(text(version))} is not a version; expected n(.n){0,3}, e.g. 1.0.0.0`);
  }
  const provider = top('ProviderName');
  if (provider && text(provider) === '') report(provider, 'ProviderName is empty; expected the publisher name');
  const locale = top('DefaultLocale');
  if (locale && !LOCALE.test(text(locale))) {
    report(locale, `DefaultLocale ${quote(text(locale))} is not a locale; expected a culture name such as sv-SE`);
  }
  for (const [name, max] of [['DisplayName', 125], ['Description', 250]] as const) {
    const el = top(name);
    if (!el) continue;
    if (!el.hasAttribute('DefaultValue') || el.getAttribute('DefaultValue') === '') {
      report(el, `<${name}> has no DefaultValue; expected a non-empty DefaultValue attribute`);
    }
    for (const [value, at] of valuesWithOverrides(el)) {
      if (length(value) > max) report(at, `${name} ${quote(clip(value))} has ${length(value)} characters; expected at most ${max}`);
    }
  }
  const permissions = top('Permissions');
  if (permissions && !(PERMISSIONS as readonly string[]).includes(text(permissions))) {
    report(permissions, `Permissions ${quote(text(permissions))} is not allowed; expected one of ${PERMISSIONS.join(', ')}`);
  }

  const hosts = top('Hosts');
  if (hosts) {
    const names = childrenNamed(hosts, 'Host').map((h) => h.getAttribute('Name') ?? '');
    for (const host of childrenNamed(hosts, 'Host')) {
      const name = host.getAttribute('Name') ?? '';
      if (!HOST_NAMES.includes(name)) report(host, `Host Name ${quote(name)} is unknown; expected one of ${HOST_NAMES.join(', ')}`);
    }
    if (!names.includes('Workbook')) report(hosts, `Hosts lists ${names.join(', ') || 'nothing'}; expected <Host Name="Workbook"/> (Excel)`);
  }

  const requirements = top('Requirements');
  if (requirements) {
    const sets = childrenNamed(requirements, 'Sets')[0];
    const excelApi = sets ? childrenNamed(sets, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi') : undefined;
    if (!excelApi) {
      report(requirements, 'Requirements has no <Sets><Set Name="ExcelApi" …/>; expected the Excel API requirement set');
    } else if (!MIN_VERSION.test(excelApi.getAttribute('MinVersion') ?? '')) {
      report(excelApi, `ExcelApi MinVersion ${quote(excelApi.getAttribute('MinVersion'))} is not set right; expected MinVersion="major.minor", e.g. 1.9`);
    }
    const defaultMin = sets?.getAttribute('DefaultMinVersion');
    if (sets && sets.hasAttribute('DefaultMinVersion') && !MIN_VERSION.test(defaultMin ?? '')) {
      report(sets, `Sets DefaultMinVersion ${quote(defaultMin)} is not a version; expected major.minor, e.g. 1.1`);
    }
  }

  const settings = top('DefaultSettings');
  if (settings && childrenNamed(settings, 'SourceLocation').length === 0) {
    report(settings, 'DefaultSettings has no <SourceLocation DefaultValue="https://…"/>; expected the task pane page');
  }
}

/** Elements whose DefaultValue (and Override Value) is a URL. */
export function isUrlElement(el: Element): boolean {
  if (el.namespaceURI === NS.bt) return (nameOf(el) === 'Url' || nameOf(el) === 'Image') && el.hasAttribute('id');
  return (/Url$/.test(nameOf(el)) || nameOf(el) === 'SourceLocation') && el.hasAttribute('DefaultValue');
}

function checkUrls(root: Element, report: Report): void {
  const checked = new Set<string>();
  const checkUrl = (value: string, at: Element, what: string) => {
    checked.add(value);
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url) report(at, `${what} ${quote(value)} is not an absolute URL; expected https://…`);
    else if (url.protocol !== 'https:') report(at, `${what} ${quote(value)} is not https; expected an https:// URL`);
  };
  for (const el of descendants(root)) {
    if (isUrlElement(el)) {
      for (const [value, at] of valuesWithOverrides(el)) checkUrl(value, at, `<${qname(el)}> URL`);
    }
    if (nameOf(el) === 'AppDomain') checkUrl(text(el), el, 'AppDomain');
  }
  // Any other plain-http address (xmlns values are names, not addresses).
  for (const el of descendants(root)) {
    for (const attr of attributes(el)) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      if (/^http:\/\//i.test(attr.value) && !checked.has(attr.value)) {
        report(el, `${attr.name} ${quote(attr.value)} is not https; expected an https:// URL`);
      }
    }
  }
}

function checkXsiTypes(root: Element, report: Report): void {
  const overrides = childrenNamed(root, 'VersionOverrides')[0];
  if (!overrides) return;
  for (const el of [overrides, ...descendants(overrides)]) {
    const allowed = XSI_TYPES[nameOf(el)];
    if (!allowed || el.namespaceURI !== NS.ov) continue;
    const type = xsiType(el);
    if (type !== undefined && allowed.includes(type)) continue;
    const hint = allowed.find((a) => a.toLowerCase() === type?.toLowerCase());
    report(
      el,
      `xsi:type ${quote(type)} on <${nameOf(el)}> is not allowed; expected one of ${allowed.join(', ')}` +
        (hint ? ` (case matters: ${quote(hint)})` : ''),
    );
  }
}

interface Resource {
  readonly kind: ResourceKind;
  readonly el: Element;
  readonly value: string;
}

function resourcesOf(root: Element, kind: ResourceKind): Element[] {
  const overrides = childrenNamed(root, 'VersionOverrides')[0];
  const resources = overrides ? childrenNamed(overrides, 'Resources')[0] : undefined;
  const group = resources ? elementChildren(resources).find((c) => nameOf(c) === kind) : undefined;
  return group ? elementChildren(group) : [];
}

/** Checks the resource declarations and returns them by id and kind. */
function checkResources(root: Element, report: Report): Map<string, Resource[]> {
  const byId = new Map<string, Resource[]>();
  const overrides = childrenNamed(root, 'VersionOverrides')[0];
  const resources = overrides ? childrenNamed(overrides, 'Resources')[0] : undefined;
  if (!resources) return byId;
  checkChildOrder(resources, RESOURCE_KINDS, report);
  for (const kind of RESOURCE_KINDS) {
    const expectedName = kind === 'Images' ? 'Image' : kind === 'Urls' ? 'Url' : 'String';
    for (const el of resourcesOf(root, kind)) {
      if (nameOf(el) !== expectedName || el.namespaceURI !== NS.bt) {
        report(el, `<${qname(el)}> in bt:${kind}; expected only bt:${expectedName} elements`);
        continue;
      }
      const id = el.getAttribute('id') ?? '';
      if (id === '') report(el, `bt:${expectedName} has no id; expected an id attribute`);
      if (length(id) > MAX_RESOURCE_ID_LENGTH) {
        report(el, `resource id ${quote(id)} has ${length(id)} characters; expected at most ${MAX_RESOURCE_ID_LENGTH}`);
      }
      if ((byId.get(id) ?? []).some((r) => r.kind === kind)) report(el, `resource id ${quote(id)} is declared twice in bt:${kind}; expected unique ids`);
      byId.set(id, [...(byId.get(id) ?? []), { kind, el, value: el.getAttribute('DefaultValue') ?? '' }]);
      if (!el.hasAttribute('DefaultValue')) report(el, `resource ${quote(id)} has no DefaultValue; expected one`);
      if (kind === 'ShortStrings' || kind === 'LongStrings') {
        const max = MAX_LENGTH[kind];
        for (const [value, at] of valuesWithOverrides(el)) {
          if (length(value) > max) {
            report(at, `bt:${kind} ${quote(id)} value ${quote(clip(value))} has ${length(value)} characters; expected at most ${max}`);
          }
        }
      }
    }
  }
  return byId;
}

function checkResids(root: Element, resources: Map<string, Resource[]>, report: Report): void {
  for (const el of descendants(root)) {
    if (!el.hasAttribute('resid')) continue;
    const resid = el.getAttribute('resid') ?? '';
    if (length(resid) > MAX_RESOURCE_ID_LENGTH) {
      report(el, `resid ${quote(resid)} has ${length(resid)} characters; expected at most ${MAX_RESOURCE_ID_LENGTH}`);
    }
    const kind = RESID_KIND[nameOf(el)];
    const found = resources.get(resid) ?? [];
    if (found.length === 0) {
      report(el, `resid ${quote(resid)} on <${qname(el)}> does not resolve; expected a resource with id ${quote(resid)} in bt:${kind ?? RESOURCE_KINDS.join('/bt:')}`);
    } else if (kind && !found.some((r) => r.kind === kind)) {
      report(el, `resid ${quote(resid)} on <${qname(el)}> names a resource in bt:${found.map((r) => r.kind).join(', bt:')}; expected one in bt:${kind}`);
    }
  }
}

function checkCommands(root: Element, report: Report): void {
  const overrides = childrenNamed(root, 'VersionOverrides')[0];
  if (!overrides) return;
  for (const form of descendants(overrides, 'DesktopFormFactor')) {
    checkChildOrder(form, ['GetStarted', 'FunctionFile', 'ExtensionPoint', 'KeyboardShortcuts'], report);
  }
  for (const control of descendants(overrides, 'Control')) {
    if (xsiType(control) !== 'Button') continue;
    for (const name of ['Label', 'Supertip', 'Icon', 'Action']) {
      if (childrenNamed(control, name).length === 0) report(control, `Button ${quote(control.getAttribute('id'))} has no <${name}>; expected Label, Supertip, Icon and Action`);
    }
    const supertip = childrenNamed(control, 'Supertip')[0];
    for (const name of ['Title', 'Description']) {
      if (supertip && childrenNamed(supertip, name).length === 0) report(supertip, `Supertip has no <${name}>; expected Title and Description`);
    }
  }
  for (const action of descendants(overrides, 'Action')) {
    const type = xsiType(action);
    if (type === 'ShowTaskpane' && childrenNamed(action, 'SourceLocation').length === 0) {
      report(action, 'ShowTaskpane action has no <SourceLocation resid="…"/>; expected the task pane URL resource');
    }
    if (type === 'ExecuteFunction' && childrenNamed(action, 'FunctionName').length === 0) {
      report(action, 'ExecuteFunction action has no <FunctionName>; expected the function to run');
    }
  }
  for (const icon of descendants(overrides, 'Icon')) {
    const images = elementChildren(icon).filter((c) => nameOf(c) === 'Image');
    const sizes = images.map((i) => i.getAttribute('size') ?? '');
    for (const image of images) {
      const size = image.getAttribute('size') ?? '';
      if (!ICON_SIZES_ALLOWED.includes(size)) report(image, `icon size ${quote(size)} is not allowed; expected one of ${ICON_SIZES_ALLOWED.join(', ')}`);
    }
    const missing = ICON_SIZES_REQUIRED.filter((s) => !sizes.includes(s));
    if (missing.length > 0) report(icon, `<Icon> lacks size ${missing.join(', ')}; expected bt:Image sizes ${ICON_SIZES_REQUIRED.join(', ')}`);
  }
}

function checkIcons(root: Element, resources: Map<string, Resource[]>, opts: ManifestCheckOptions, report: Report): void {
  // Pixel size each image is used at: top-level icons by element, ribbon images by their size attribute.
  const expectedPixels = new Map<string, Set<number>>();
  const expect = (url: string, px: number) => expectedPixels.set(url, new Set([...(expectedPixels.get(url) ?? []), px]));
  for (const image of descendants(root, 'Image')) {
    if (!image.hasAttribute('resid')) continue;
    const resource = (resources.get(image.getAttribute('resid') ?? '') ?? []).find((r) => r.kind === 'Images');
    if (resource) for (const [url] of valuesWithOverrides(resource.el)) expect(url, Number(image.getAttribute('size')));
  }
  const imageUrls: [string, Element][] = [];
  for (const name of Object.keys(TOP_LEVEL_ICON_PIXELS)) {
    for (const el of childrenNamed(root, name)) {
      for (const [url, at] of valuesWithOverrides(el)) {
        imageUrls.push([url, at]);
        expect(url, TOP_LEVEL_ICON_PIXELS[name]);
      }
    }
  }
  for (const resource of resourcesOf(root, 'Images')) imageUrls.push(...valuesWithOverrides(resource));

  const seenUrls = new Set<string>();
  for (const [url, at] of imageUrls) {
    if (seenUrls.has(url)) continue;
    seenUrls.add(url);
    const path = assetPathForUrl(url);
    if (!path) {
      report(at, `image ${quote(url)} is not under an assets/ folder; expected a URL like https://localhost:3000/assets/icon-32.png`);
    } else if (!opts.assetExists(path)) {
      report(at, `image ${quote(url)} has no file ${path}; expected the icon in assets/ (npx tsx scripts/make-icons.ts)`);
    } else if (opts.imageSize) {
      const size = opts.imageSize(path);
      const wanted = [...(expectedPixels.get(url) ?? [])];
      if (!size) report(at, `image ${path} is not a readable PNG; expected a PNG file`);
      else if (wanted.length === 1 && (size.width !== wanted[0] || size.height !== wanted[0])) {
        report(at, `image ${path} is ${size.width}×${size.height} pixels; expected ${wanted[0]}×${wanted[0]}`);
      }
    }
  }
}

/**
 * Reports each place where two neighbouring known children are out of `order` (one line per
 * misplaced block rather than one per element after it). Unknown children are skipped.
 */
function checkChildOrder(parent: Element, order: readonly string[], report: Report): void {
  const known = elementChildren(parent).filter((el) => order.includes(nameOf(el)));
  for (let i = 1; i < known.length; i++) {
    const [before, after] = [known[i - 1], known[i]];
    if (order.indexOf(nameOf(after)) < order.indexOf(nameOf(before))) {
      report(
        after,
        `<${nameOf(after)}> follows <${nameOf(before)}> in <${nameOf(parent)}>; expected <${nameOf(after)}> before <${nameOf(before)}> (schema order: ${order.join(', ')})`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Project policy: valid manifests this project still does not want.

function checkProjectPolicy(root: Element): string[] {
  if (nameOf(root) !== 'OfficeApp' || root.namespaceURI !== NS.app) return [];
  const problems: string[] = [];
  const report = (el: Element | undefined, message: string) => problems.push(`${where(el)}project policy: ${message}`);
  const top = (name: string) => childrenNamed(root, name)[0];

  const permissions = top('Permissions');
  if (permissions && text(permissions) !== 'ReadWriteDocument') {
    report(permissions, `Permissions is ${quote(text(permissions))}; expected ReadWriteDocument (the add-in writes sheets, tables and charts)`);
  }
  const id = top('Id');
  if (id && text(id).toLowerCase() === TEMPLATE_GUID) {
    report(id, 'Id is the yo office template GUID; expected a GUID of our own');
  }
  const hosts = top('Hosts');
  const hostNames = hosts ? childrenNamed(hosts, 'Host').map((h) => h.getAttribute('Name')) : [];
  const otherHosts = hostNames.filter((n) => n !== 'Workbook');
  // Without Workbook at all, the schema rules have already said so.
  if (hosts && hostNames.includes('Workbook') && otherHosts.length > 0) {
    report(hosts, `Hosts also lists ${otherHosts.join(', ')}; expected Workbook only (Excel add-in)`);
  }
  const overrides = top('VersionOverrides');
  // Case-insensitive: a wrongly cased xsi:type is already reported by the schema rules.
  const isType = (el: Element, type: string) => xsiType(el)?.toLowerCase() === type.toLowerCase();
  const workbookHost = overrides ? descendants(overrides, 'Host').find((h) => isType(h, 'Workbook')) : undefined;
  const opensPane = workbookHost ? descendants(workbookHost, 'Action').some((a) => isType(a, 'ShowTaskpane')) : false;
  if (overrides && !opensPane) {
    report(overrides, 'no ribbon button opens the task pane in Excel; expected a <Host xsi:type="Workbook"> with an <Action xsi:type="ShowTaskpane">');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

/** The element's name without prefix (xmldom types it as nullable; elements always have one). */
function nameOf(el: Element): string {
  return el.localName ?? el.nodeName;
}

function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function childrenNamed(el: Element, localName: string): Element[] {
  return elementChildren(el).filter((c) => nameOf(c) === localName);
}

function descendants(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of elementChildren(e)) {
      if (!localName || nameOf(c) === localName) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function attributes(el: Element): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a) out.push({ name: a.name, value: a.value });
  }
  return out;
}

/** DefaultValue of the element, then the Value of each (bt:)Override child, with the element holding it. */
function valuesWithOverrides(el: Element): [string, Element][] {
  const out: [string, Element][] = [];
  if (el.hasAttribute('DefaultValue')) out.push([el.getAttribute('DefaultValue') ?? '', el]);
  for (const o of childrenNamed(el, 'Override')) out.push([o.getAttribute('Value') ?? '', o]);
  return out;
}

/** The xsi:type value without a namespace prefix, or undefined when there is none. */
function xsiType(el: Element): string | undefined {
  const value = el.getAttributeNS(NS.xsi, 'type');
  if (value === null || value === '') return undefined;
  return value.slice(value.indexOf(':') + 1);
}

function text(el: Element | undefined): string {
  return (el?.textContent ?? '').trim();
}

function qname(el: Element): string {
  return el.prefix ? `${el.prefix}:${nameOf(el)}` : nameOf(el);
}

function where(el: Element | null | undefined): string {
  const line = (el as { lineNumber?: number } | null | undefined)?.lineNumber;
  return line ? `line ${line}: ` : '';
}

function quote(value: string | null | undefined): string {
  return value === null || value === undefined ? '(none)' : JSON.stringify(value);
}

/** Characters as a person counts them (code points, not UTF-16 units). */
function length(value: string): number {
  return [...value].length;
}

function clip(value: string): string {
  return length(value) > 40 ? `${[...value].slice(0, 37).join('')}...` : value;
}
