/**
 * manifest.json's minAppVersion promises the plugin works on that Obsidian: every Obsidian API it
 * uses is that old, or newer and checked for at run time with a way for older apps. This test finds
 * every use of an API that obsidian.d.ts marks `@since` a later version (obsidianApiUses.ts says what
 * counts as a use) and requires it to be one listed below, where a comment says where and how the
 * plugin checks for it.
 *
 * Type-only uses do not count: types are erased, so naming a newer interface (`import type`, an
 * annotation, `implements`) puts nothing in main.js that an older app could miss. What is done with a
 * value of such a type (a member read or called, a class built or extended) counts as a use.
 *
 * APIs obsidian.d.ts gives no `@since`, on the member or around it, are taken as old; the check is as
 * good as the typings' tags.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { compareVersions, newerApiUses, obsidianDeclarationFile, pluginSources, type NewerApiUse } from './obsidianApiUses';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const { minAppVersion } = JSON.parse(readFileSync(path.join(REPOSITORY, 'manifest.json'), 'utf8')) as { minAppVersion: string };

/** A newer API the plugin may use, where, and how often: one more use of it in that file must be checked again. */
interface FeatureDetected {
  api: string;
  since: string;
  file: string;
  kind: NewerApiUse['kind'];
  uses: number;
}

const FEATURE_DETECTED: readonly FeatureDetected[] = [
  // Only Obsidian 1.13+ calls it; older apps call display() instead, which draws the same rows (settingsTab.ts; both in settingsTab.test.ts).
  { api: 'PluginSettingTab.getSettingDefinitions', since: '1.13.0', file: 'src/obsidian/settingsTab.ts', kind: 'override', uses: 1 },
  // redraw() calls it only when requireApiVersion('1.13.0') holds; on older apps display() drew the tab and draws it again.
  { api: 'SettingTab.update', since: '1.13.0', file: 'src/obsidian/settingsTab.ts', kind: 'use', uses: 1 },
];

const key = (use: Pick<NewerApiUse, 'api' | 'since' | 'file' | 'kind'>): string => `${use.kind} ${use.api} (@since ${use.since}) in ${use.file}`;

/** What the found uses break of the list: uses it does not allow (each with its line), and entries nothing uses as listed. */
function againstList(uses: readonly NewerApiUse[], listed: readonly FeatureDetected[]): { unchecked: string[]; stale: string[] } {
  const found = new Map<string, NewerApiUse[]>();
  for (const use of uses) found.set(key(use), [...(found.get(key(use)) ?? []), use]);
  const allowed = new Map(listed.map((entry) => [key(entry), entry.uses]));
  const unchecked = [...found]
    .filter(([name, at]) => allowed.get(name) !== at.length)
    .flatMap(([name, at]) => at.map((use) => `${name}:${use.line} (listed uses: ${allowed.get(name) ?? 0})`));
  const stale = [...allowed].filter(([name]) => !found.has(name)).map(([name]) => name);
  return { unchecked: unchecked.sort(), stale: stale.sort() };
}

// One Program for every test: building it (lib.dom, obsidian.d.ts, the sources) is most of the time.
let project: { program: ts.Program; options: ts.CompilerOptions; declarationFile: string };

beforeAll(() => {
  const { options, files } = pluginSources(REPOSITORY);
  project = { program: ts.createProgram({ rootNames: files, options }), options, declarationFile: obsidianDeclarationFile(REPOSITORY, options) };
});

describe(`Obsidian APIs newer than minAppVersion ${minAppVersion}`, () => {
  it('are used only as listed, each checked for at run time as its comment says', () => {
    const uses = newerApiUses(project.program, REPOSITORY, project.declarationFile, minAppVersion);
    expect(againstList(uses, FEATURE_DETECTED)).toStrictEqual({ unchecked: [], stale: [] });
  });

  it('are looked for in main.ts and every file under src/', () => {
    const walked = project.program
      .getSourceFiles()
      .map((source) => path.relative(REPOSITORY, source.fileName).split(path.sep).join('/'))
      .filter((file) => file === 'main.ts' || file.startsWith('src/'));
    expect(walked).toContain('main.ts');
    expect(walked).toContain('src/obsidian/settingsTab.ts');
    expect(walked.filter((file) => file.startsWith('src/')).length).toBeGreaterThan(150);
  });
});

describe('the search for newer APIs', () => {
  // A source that is not on disk, at a path in src/ so that 'obsidian' resolves as it does for the plugin.
  const FIXTURE = path.join(REPOSITORY, 'src', 'newerApisFixture.ts');
  const FIXTURE_TEXT = [
    "import { App, BasesView, Notice, SecretComponent as Secret, setTooltip, type SecretStorage, type SettingGroup } from 'obsidian';",
    'export function uses(app: App, el: HTMLElement, group: SettingGroup, stored: SecretStorage | null): void {',
    '  app.isDarkMode();',
    '  new Secret(app, el);',
    "  group.setHeading('Heading');",
    "  setTooltip(el, 'Tip', { gap: 4 });",
    '  const { secretStorage } = app;',
    "  app.workspace.on('url-menu', () => undefined);",
    "  app.workspace.on('file-menu', () => undefined);",
    "  new Notice(String(secretStorage === stored));",
    '}',
    'export abstract class Base extends BasesView {',
    "  type = 'fixture';",
    '}',
  ].join('\n');

  let fixture: ts.Program;
  beforeAll(() => {
    const host = ts.createCompilerHost(project.options);
    const projectFile = host.getSourceFile.bind(host);
    // Everything but the fixture is already parsed in the project's Program.
    host.getSourceFile = (fileName, languageVersion, ...rest) =>
      fileName === FIXTURE ? ts.createSourceFile(fileName, FIXTURE_TEXT, languageVersion, true) : (project.program.getSourceFile(fileName) ?? projectFile(fileName, languageVersion, ...rest));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => fileName === FIXTURE || fileExists(fileName);
    fixture = ts.createProgram({ rootNames: [FIXTURE], options: project.options, host });
  });

  const found = (version: string): string[] =>
    newerApiUses(fixture, REPOSITORY, project.declarationFile, version).map((use) => `${use.line} ${use.kind} ${use.api} ${use.since}`);

  it('reads a fixture the compiler accepts, so every name in it resolves', () => {
    expect(ts.getPreEmitDiagnostics(fixture, fixture.getSourceFile(FIXTURE)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toStrictEqual([]);
  });

  it('finds calls, constructions, members of type-only values, options, destructured members, extends and overrides; no type-only use, no older API', () => {
    expect(found('1.7.2')).toStrictEqual([
      '3 use App.isDarkMode 1.10.0',
      // Imported under another name; its constructor has no @since, so its class's counts.
      '4 use SecretComponent 1.11.1',
      '5 use SettingGroup.setHeading 1.11.0',
      // setTooltip is 1.4.4; the option is newer.
      '6 use TooltipOptions.gap 1.8.7',
      '7 use App.secretStorage 1.11.4',
      '12 use BasesView 1.10.0',
      '13 override BasesView.type 1.10.0',
    ]);
  });

  it('counts a call with the overload it resolves to', () => {
    // Workspace.on is 0.9.7; its 'url-menu' event 1.5.1, its 'file-menu' event 0.9.12.
    expect(found('1.5.0')).toContain('8 use Workspace.on 1.5.1');
    expect(found('1.5.0').filter((use) => use.startsWith('9 '))).toStrictEqual([]);
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.7.2', '1.7.2')).toBe(0);
    expect(compareVersions('1.7', '1.7.1')).toBeLessThan(0);
  });
});
