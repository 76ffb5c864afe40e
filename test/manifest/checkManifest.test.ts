import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  assetPathForUrl,
  checkManifest,
  describeManifest,
  type ManifestCheckOptions,
} from '../../scripts/manifest/checkManifest';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** The real file system under the project root, as the validator script sees it. */
const realFiles: ManifestCheckOptions = {
  assetExists: (path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile(),
};

/** The real manifest with `from` replaced by `to`; throws if `from` is not there, so no case passes vacuously. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const changed = xml.replace(from, to);
  if (changed === xml) throw new Error(`test edit did not apply: ${String(from)}`);
  return changed;
}
const broken = (from: string | RegExp, to: string) => edit(MANIFEST, from, to);

describe('the project manifest', () => {
  it('passes every check', () => {
    expect(checkManifest(MANIFEST, realFiles)).toEqual([]);
  });

  it('has icons of the pixel sizes Office asks for', () => {
    const pngSize = (path: string) => {
      const bytes = readFileSync(join(ROOT, path));
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };
    expect(checkManifest(MANIFEST, { ...realFiles, imageSize: pngSize })).toEqual([]);
  });

  it('is summarised on one line', () => {
    expect(describeManifest(MANIFEST)).toBe(
      'Infosäkkollen 1.0.0.0, Id ee283118-d7f1-4909-b203-833075b1268a, ExcelApi 1.9, ReadWriteDocument, 1 ribbon button, 7 resources',
    );
  });
});

describe('broken manifests', () => {
  // Each case: a string edit of the real manifest (from → to) and the problems it must produce,
  // no more and no fewer (each expected string is a part of one problem line).
  const cases: [name: string, from: string | RegExp, to: string, expected: string | string[]][] = [
    [
      'wrong root namespace',
      'xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"',
      'xmlns="http://schemas.microsoft.com/office/appforoffice/1.0"',
      'expected OfficeApp in namespace http://schemas.microsoft.com/office/appforoffice/1.1',
    ],
    ['root not a task pane add-in', 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"', 'xsi:type is "ContentApp"; expected "TaskPaneApp"'],
    [
      'elements out of schema order (Permissions moved before DefaultSettings)',
      /(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>ReadWriteDocument<\/Permissions>)/,
      '$2$1',
      '<DefaultSettings> follows <Permissions> in <OfficeApp>; expected <DefaultSettings> before <Permissions>',
    ],
    ['a required element missing', /\s*<DefaultLocale>sv-SE<\/DefaultLocale>/, '', '<DefaultLocale> is missing; expected it as a child of OfficeApp'],
    [
      'Id not a GUID',
      '<Id>ee283118-d7f1-4909-b203-833075b1268a</Id>',
      '<Id>ee283118-d7f1-4909-b203-833075b1268</Id>',
      'Id "ee283118-d7f1-4909-b203-833075b1268" is not a GUID',
    ],
    ['bad Version', '<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>', 'Version "1.0.0.0.0" is not a version; expected n(.n){0,3}'],
    [
      'bad Permissions',
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWrite</Permissions>',
      [
        'Permissions "ReadWrite" is not allowed; expected one of Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument',
        'project policy: Permissions is "ReadWrite"; expected ReadWriteDocument',
      ],
    ],
    ['no Workbook host', '<Host Name="Workbook"/>', '<Host Name="Document"/>', 'Hosts lists Document; expected <Host Name="Workbook"/>'],
    [
      'http URL',
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>',
      '<SourceLocation> URL "http://localhost:3000/taskpane.html" is not https; expected an https:// URL',
    ],
    ['http AppDomain', '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>http://localhost:3000</AppDomain>', 'AppDomain "http://localhost:3000" is not https'],
    [
      'dangling resid',
      '<Label resid="Ik.Group.Label"/>',
      '<Label resid="Ik.Gruop.Label"/>',
      'resid "Ik.Gruop.Label" on <Label> does not resolve; expected a resource with id "Ik.Gruop.Label" in bt:ShortStrings',
    ],
    [
      'resid of the wrong kind',
      '<Label resid="Ik.Group.Label"/>',
      '<Label resid="Ik.Button.Tooltip"/>',
      'resid "Ik.Button.Tooltip" on <Label> names a resource in bt:LongStrings; expected one in bt:ShortStrings',
    ],
    [
      'too-long ShortString',
      'bt:String id="Ik.Group.Label" DefaultValue="Infosäkkollen"',
      `bt:String id="Ik.Group.Label" DefaultValue="${'Å'.repeat(130)}"`,
      'bt:ShortStrings "Ik.Group.Label" value "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ..." has 130 characters; expected at most 125',
    ],
    [
      'too-long LongString override',
      '<bt:Override Locale="en-US" Value="Opens Infosäkkollen',
      `<bt:Override Locale="en-US" Value="${'x'.repeat(200)}Opens Infosäkkollen`,
      'has 300 characters; expected at most 250',
    ],
    [
      'resource id over 32 characters',
      /Ik\.Taskpane\.Url/g,
      'Ik.Taskpane.Url.For.Infosakkollen',
      [
        'resid "Ik.Taskpane.Url.For.Infosakkollen" has 33 characters; expected at most 32', // FunctionFile
        'resid "Ik.Taskpane.Url.For.Infosakkollen" has 33 characters; expected at most 32', // SourceLocation
        'resource id "Ik.Taskpane.Url.For.Infosakkollen" has 33 characters; expected at most 32',
      ],
    ],
    [
      'xsi:type in the wrong case',
      '<Action xsi:type="ShowTaskpane">',
      '<Action xsi:type="ShowTaskPane">',
      'xsi:type "ShowTaskPane" on <Action> is not allowed; expected one of ShowTaskpane, ExecuteFunction (case matters: "ShowTaskpane")',
    ],
    [
      'Control type in the wrong case',
      '<Control xsi:type="Button"',
      '<Control xsi:type="button"',
      'xsi:type "button" on <Control> is not allowed; expected one of Button, Menu (case matters: "Button")',
    ],
    [
      'unknown ExtensionPoint type',
      '<ExtensionPoint xsi:type="PrimaryCommandSurface">',
      '<ExtensionPoint xsi:type="MessageReadCommandSurface">',
      'xsi:type "MessageReadCommandSurface" on <ExtensionPoint> is not allowed; expected one of PrimaryCommandSurface, ContextMenu, CustomFunctions',
    ],
    [
      'missing icon file',
      'https://localhost:3000/assets/icon-80.png',
      'https://localhost:3000/assets/icon-99.png',
      'image "https://localhost:3000/assets/icon-99.png" has no file assets/icon-99.png; expected the icon in assets/',
    ],
    [
      'icon outside assets/',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/img/icon-32.png"/>',
      'image "https://localhost:3000/img/icon-32.png" is not under an assets/ folder',
    ],
    ['ribbon icon size missing', /\s*<bt:Image size="80" resid="Ik.Icon.80"\/>/, '', '<Icon> lacks size 80; expected bt:Image sizes 16, 32, 80'],
    ['no ExcelApi requirement', '<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="WordApi" MinVersion="1.3"/>', 'Requirements has no <Sets><Set Name="ExcelApi" …/>'],
    ['ExcelApi without MinVersion', '<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi"/>', 'ExcelApi MinVersion (none) is not set right; expected MinVersion="major.minor"'],
    ['button without tooltip', /\s*<Description resid="Ik.Button.Tooltip"\/>/, '', 'Supertip has no <Description>; expected Title and Description'],
    [
      'resources out of schema order',
      /(\s*<bt:Images>[\s\S]*?<\/bt:Images>)(\s*<bt:Urls>[\s\S]*?<\/bt:Urls>)/,
      '$2$1',
      '<Images> follows <Urls> in <Resources>; expected <Images> before <Urls>',
    ],
    ['not well-formed XML', '</Permissions>', '</Permission>', 'not well-formed XML'],
  ];

  it.each(cases)('%s', (_name, from, to, expected) => {
    const problems = checkManifest(broken(from, to), realFiles);
    expect(problems).toEqual((Array.isArray(expected) ? expected : [expected]).map((e) => expect.stringContaining(e)));
  });

  it('names the line of the problem', () => {
    const problems = checkManifest(broken('<Version>1.0.0.0</Version>', '<Version>v1</Version>'), realFiles);
    const line = MANIFEST.split('\n').findIndex((l) => l.includes('<Version>')) + 1;
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^line ${line}: Version "v1"`))]);
  });

  it('asks the file system about every icon', () => {
    const asked: string[] = [];
    const problems = checkManifest(MANIFEST, { assetExists: (p) => (asked.push(p), p !== 'assets/icon-16.png') });
    expect(problems).toEqual([
      expect.stringContaining('image "https://localhost:3000/assets/icon-16.png" has no file assets/icon-16.png'),
    ]);
    expect([...new Set(asked)].sort()).toEqual(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']);
  });

  it('reports an icon of the wrong pixel size', () => {
    const problems = checkManifest(MANIFEST, {
      ...realFiles,
      imageSize: (p) => (p === 'assets/icon-80.png' ? { width: 64, height: 64 } : { width: Number(/\d+/.exec(p)?.[0]), height: Number(/\d+/.exec(p)?.[0]) }),
    });
    expect(problems).toEqual([expect.stringContaining('image assets/icon-80.png is 64×64 pixels; expected 80×80')]);
  });

  it('lists every problem, not just the first, top to bottom', () => {
    const xml = edit(
      edit(broken('<Version>1.0.0.0</Version>', '<Version>one</Version>'), '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskPane">'),
      '<Label resid="Ik.Group.Label"/>',
      '<Label resid="Nope"/>',
    );
    const problems = checkManifest(xml, realFiles);
    expect(problems).toHaveLength(3);
    const lines = problems.map((p) => Number(/^line (\d+):/.exec(p)?.[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('project policy', () => {
  it('wants exactly ReadWriteDocument', () => {
    const problems = checkManifest(broken('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'), realFiles);
    expect(problems).toEqual([expect.stringContaining('project policy: Permissions is "ReadDocument"; expected ReadWriteDocument')]);
  });

  it('rejects the yo office template GUID', () => {
    const problems = checkManifest(broken(/<Id>[^<]*<\/Id>/, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>'), realFiles);
    expect(problems).toEqual([expect.stringContaining('project policy: Id is the yo office template GUID')]);
  });

  it('wants Excel only', () => {
    const problems = checkManifest(broken('<Host Name="Workbook"/>', '<Host Name="Workbook"/>\n    <Host Name="Document"/>'), realFiles);
    expect(problems).toEqual([expect.stringContaining('project policy: Hosts also lists Document; expected Workbook only')]);
  });
});

describe('assetPathForUrl', () => {
  it.each([
    ['https://localhost:3000/assets/icon-32.png', 'assets/icon-32.png'],
    ['https://addin.example.se/infosak/assets/icon-80.png', 'assets/icon-80.png'],
    ['https://localhost:3000/assets/sub/ikon%20ett.png', 'assets/sub/ikon ett.png'],
    ['https://localhost:3000/icon-32.png', undefined],
    ['https://localhost:3000/assets/%zz.png', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, path) => {
    expect(assetPathForUrl(url)).toBe(path);
  });
});
