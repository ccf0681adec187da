/**
 * @jest-environment jsdom
 *
 * The settings tab as users read it, approved whole: every heading, name, description, search
 * alias, message and widget (options and their labels, values, placeholders, limits, which
 * buttons and toggles are off), in two states. A wording change fails here until the approved file
 * is updated on purpose; a setting that stops showing its stored value fails too.
 */
import * as path from 'path';
import type * as obsidian from 'obsidian';
import { App, Plugin, setFakeApiVersion } from '../mocks/obsidian';
import { showSettingTab } from '../mocks/fake/settingsModal';
import { approvalsIn } from '../approval';
import { DEFAULT_SETTINGS, type PrincipleChainSettings } from '../../src/core/settings';
import { SettingsStore } from '../../src/core/settingsStore';
import { PrincipleChainSettingTab } from '../../src/obsidian/settingsTab';
import { SettingsForm } from '../../src/ui/settings/form';
import type { SettingControl } from '../../src/ui/settings/rows';

const expectApproved = approvalsIn(path.join(__dirname, 'approved'));

/** Not the defaults anywhere a setting can differ: each row must show the value stored. */
const CHANGED: Partial<PrincipleChainSettings> = {
  idFormat: 'custom',
  customPattern: '(unclosed',
  ownIdSources: ['frontmatter', 'filename'],
  frontmatterKey: 'uid',
  linkTitle: false,
  highlightUnresolved: false,
  excludedFolders: ['Templates', 'Archive/Old'],
  chainDepth: 5,
  showIncoming: false,
  showContext: false,
  chainExcludedFolders: ['Daily'],
  chainExcludedTags: ['meeting', 'project/done'],
  renameHandling: 'always',
  linkStyle: 'bare',
};

function storeWith(patch: Partial<PrincipleChainSettings>): SettingsStore {
  return new SettingsStore({ ...DEFAULT_SETTINGS, ownIdSources: [...DEFAULT_SETTINGS.ownIdSources], excludedFolders: [], ...patch }, async () => undefined);
}

/** One widget as the user sees it. */
function widget(el: Element): string {
  if (el instanceof HTMLSelectElement) {
    const options = Array.from(el.options, (option) => `${option.value}=${option.textContent}`).join(', ');
    return `dropdown [${options}] chosen ${el.value}`;
  }
  if (el instanceof HTMLTextAreaElement) return `textarea ${JSON.stringify(el.value)} placeholder ${JSON.stringify(el.placeholder)}`;
  if (el instanceof HTMLInputElement && el.type === 'range') return `slider ${el.min}..${el.max} at ${el.value}`;
  if (el instanceof HTMLInputElement) return `text ${JSON.stringify(el.value)} placeholder ${JSON.stringify(el.placeholder)}`;
  if (el instanceof HTMLButtonElement) return `button ${JSON.stringify(el.textContent)}${el.disabled ? ' (disabled)' : ''}`;
  if (el.classList.contains('checkbox-container')) return `toggle ${el.classList.contains('is-enabled') ? 'on' : 'off'}`;
  return `shown value ${JSON.stringify(el.textContent)}`;
}

/** The tab as drawn by display() (Obsidian before 1.13), row by row. */
function drawnTab(patch: Partial<PrincipleChainSettings>): string {
  setFakeApiVersion('1.7.2');
  try {
    const app = new App();
    const plugin = new (class extends Plugin {})(app as unknown as obsidian.App, { id: 'principle-chain' } as obsidian.PluginManifest);
    const tab = new PrincipleChainSettingTab(app as unknown as obsidian.App, plugin as unknown as obsidian.Plugin, storeWith(patch));
    showSettingTab(tab);
    const lines: string[] = [];
    for (const row of Array.from(tab.containerEl.querySelectorAll<HTMLElement>('.setting-item'))) {
      const name = row.querySelector('.setting-item-name')?.textContent ?? '';
      if (row.classList.contains('setting-item-heading')) {
        lines.push('', `## ${name}`);
        continue;
      }
      lines.push('', `${name}${row.classList.contains('principle-chain-hidden') ? ' (hidden)' : ''}`);
      lines.push(`  ${row.querySelector('.setting-item-description')?.textContent ?? ''}`);
      const problem = row.querySelector('.principle-chain-problem')?.textContent;
      if (problem) lines.push(`  message: ${problem}`);
      const widgets = row.querySelectorAll('.setting-item-control > select, .setting-item-control > textarea, .setting-item-control > input, .setting-item-control > button, .setting-item-control > .checkbox-container, .setting-item-control > span');
      for (const el of Array.from(widgets)) lines.push(`  - ${widget(el)}`);
    }
    return `${lines.join('\n').trim()}\n`;
  } finally {
    setFakeApiVersion('1.13.1');
  }
}

function control(c: SettingControl): string {
  switch (c.kind) {
    case 'toggle':
      return `toggle ${c.value ? 'on' : 'off'}${c.disabled ? ' (disabled)' : ''}`;
    case 'button':
      return `button ${JSON.stringify(c.text)}${c.disabled ? ' (disabled)' : ''}`;
    default:
      return c.kind;
  }
}

/**
 * What the settings search indexes (Obsidian 1.13 and later: the tab's definitions), with the
 * toggles' and buttons' states, which the drawn widgets above do not all show.
 */
function searchIndex(patch: Partial<PrincipleChainSettings>): string {
  const app = new App();
  const plugin = new (class extends Plugin {})(app as unknown as obsidian.App, { id: 'principle-chain' } as obsidian.PluginManifest);
  const store = storeWith(patch);
  const definitions = new PrincipleChainSettingTab(app as unknown as obsidian.App, plugin as unknown as obsidian.Plugin, store).getSettingDefinitions();
  const sections = new SettingsForm(store, () => undefined, { has: () => true, all: () => [] }).sections();
  const lines: string[] = [];
  definitions.forEach((group, at) => {
    if (!('type' in group) || group.type !== 'group') throw new Error('a definition outside a group');
    lines.push('', `## ${group.heading ?? '(no heading)'}`);
    (group.items ?? []).forEach((item, i) => {
      if (!('name' in item) || !('render' in item)) throw new Error('an item that is not a setting');
      const controls = sections[at].rows[i].controls.map(control).join(', ');
      lines.push(`${String(item.name)}: aliases ${JSON.stringify(item.aliases ?? null)}; ${controls}`);
    });
  });
  return `${lines.join('\n').trim()}\n`;
}

afterEach(() => document.body.replaceChildren());

test.each<[string, Partial<PrincipleChainSettings>]>([
  ['defaults', {}],
  ['changed', CHANGED],
  ['one-source', { ownIdSources: ['folder'] }],
])('the settings tab with %s', (name, patch) => {
  expectApproved(`settings-tab-${name}.approved.txt`, `${drawnTab(patch)}\n# Search and states\n\n${searchIndex(patch)}`);
});
