import { PluginSettingTab, Setting } from 'obsidian';
import type { App, Plugin } from 'obsidian';
import { customPatternProblem, PRESET_FORMATS } from '../core/ids/formats';
import { MAX_CHAIN_DEPTH, normalizeFolderList, normalizeTagList } from '../core/settings';
import type { IdFormatSetting, LinkStyle, OwnIdSource, PrincipleChainSettings, RenameHandling } from '../core/settings';
import { indexSettingsKey } from './indexer';

/** What the settings tab needs from the plugin. */
export interface SettingsTabDeps {
  /** The current settings (live). */
  settings(): PrincipleChainSettings;
  /** Stores the new settings (main.ts replaces and persists them). */
  save(next: PrincipleChainSettings): Promise<void>;
  /** Rebuilds the index (after changes to what it holds). */
  rebuild(): Promise<void>;
  /** Tells editors and Reading views to redraw (after display-only changes). */
  refresh(): void;
}

const SOURCE_LABELS: Record<OwnIdSource, string> = {
  filename: 'Start of the file name',
  folder: 'Folder name (README.md or index.md in a folder named by the ID)',
  frontmatter: 'Frontmatter property',
};
const ALL_SOURCES: readonly OwnIdSource[] = ['filename', 'folder', 'frontmatter'];
/** Text fields that cost a rebuild are applied after a pause in typing, not on every keystroke. */
const TYPING_PAUSE_MS = 800;

/** Shows why a value is rejected under the setting's description (null clears it). */
function showProblem(setting: Setting, problem: string | null): void {
  let el = setting.infoEl.querySelector<HTMLElement>('.principle-chain-problem');
  if (el === null) el = setting.infoEl.createDiv({ cls: 'principle-chain-problem' });
  el.setText(problem ?? '');
}

/**
 * Saves a settings change and makes it take effect: a rebuild when it changes what the index holds,
 * otherwise a redraw; open editors always refresh.
 */
export async function applySettingsChange(
  app: App,
  deps: SettingsTabDeps,
  patch: Partial<PrincipleChainSettings>,
): Promise<void> {
  const before = deps.settings();
  const next: PrincipleChainSettings = { ...before, ...patch };
  await deps.save(next);
  // Not awaited: a rebuild of a large vault runs in the background with its own progress.
  if (indexSettingsKey(next) !== indexSettingsKey(before)) void deps.rebuild();
  else deps.refresh();
  app.workspace.updateOptions();
}

/** One line per folder or #tag, as typed in the "Hidden from the chain" field. */
export function chainExclusionPatch(value: string): Pick<PrincipleChainSettings, 'chainExcludedFolders' | 'chainExcludedTags'> {
  const lines = value.split('\n').map((line) => line.trim());
  return {
    chainExcludedFolders: normalizeFolderList(lines.filter((line) => !line.startsWith('#'))),
    chainExcludedTags: normalizeTagList(lines.filter((line) => line.startsWith('#'))),
  };
}

/** The plugin's settings tab. */
export class PrincipleChainSettingTab extends PluginSettingTab {
  /** Changes waiting for a pause in typing; applied at once when the tab closes. */
  private pending: { timer: number; apply: () => Promise<void> } | null = null;

  constructor(
    app: App,
    plugin: Plugin,
    private readonly deps: SettingsTabDeps,
  ) {
    super(app, plugin);
  }

  display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const settings = this.deps.settings();
    this.displayFormat(containerEl, settings);
    this.displayOwnId(containerEl, settings);

    new Setting(containerEl).setName('Links').setHeading();
    new Setting(containerEl)
      .setName('Link the title')
      .setDesc('When an ID is followed by its note’s title, the title becomes part of the link.')
      .addToggle((toggle) => toggle.setValue(settings.linkTitle).onChange((linkTitle) => void this.change({ linkTitle })));
    new Setting(containerEl)
      .setName('Highlight unresolved IDs')
      .setDesc('Style IDs that name no note like Obsidian’s unresolved links.')
      .addToggle((toggle) =>
        toggle.setValue(settings.highlightUnresolved).onChange((highlightUnresolved) => void this.change({ highlightUnresolved })),
      );
    new Setting(containerEl)
      .setName('Excluded folders')
      .setDesc('One folder per line. Notes in these folders are neither indexed nor decorated.')
      .addTextArea((text) =>
        text
          .setPlaceholder('Templates\nArchive/old')
          .setValue(settings.excludedFolders.join('\n'))
          .onChange((value) => this.changeAfterTyping({ excludedFolders: normalizeFolderList(value.split('\n')) })),
      );

    new Setting(containerEl).setName('Chain view').setHeading();
    new Setting(containerEl)
      .setName('Chain depth')
      .setDesc('How many steps of the chain are shown at first.')
      .addSlider((slider) =>
        slider
          .setLimits(1, MAX_CHAIN_DEPTH, 1)
          .setValue(settings.chainDepth)
          .onChange((chainDepth) => void this.change({ chainDepth })),
      );
    new Setting(containerEl)
      .setName('Show incoming references')
      .setDesc('List the notes that build on the open note.')
      .addToggle((toggle) => toggle.setValue(settings.showIncoming).onChange((showIncoming) => void this.change({ showIncoming })));
    new Setting(containerEl)
      .setName('Show context')
      .setDesc('Show the line each reference stands in.')
      .addToggle((toggle) => toggle.setValue(settings.showContext).onChange((showContext) => void this.change({ showContext })));
    new Setting(containerEl)
      .setName('Hidden from the chain')
      .setDesc('Folders and #tags, one per line. The chain view (with hide excluded on) and code blocks leave their notes out; they stay indexed and linked.')
      .addTextArea((text) =>
        text
          .setPlaceholder('Daily\n#meeting')
          .setValue([...settings.chainExcludedFolders, ...settings.chainExcludedTags.map((tag) => `#${tag}`)].join('\n'))
          .onChange((value) => this.changeAfterTyping(chainExclusionPatch(value))),
      );

    new Setting(containerEl).setName('Repair').setHeading();
    new Setting(containerEl)
      .setName('When a note is renamed')
      .setDesc('Update bare “ID Old title” references to the new title.')
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ ask: 'Ask', always: 'Always update', never: 'Never update' })
          .setValue(settings.renameHandling)
          .onChange((value) => void this.change({ renameHandling: value as RenameHandling })),
      );
    new Setting(containerEl)
      .setName('Link style normalisation')
      .setDesc('Offered by the repair command; off by default.')
      .addDropdown((dropdown) =>
        dropdown
          .addOptions({ off: 'Off', wikilink: 'Bare IDs to wikilinks', bare: 'Wikilinks to bare IDs' })
          .setValue(settings.linkStyle)
          .onChange((value) => void this.change({ linkStyle: value as LinkStyle })),
      );
  }

  hide(): void {
    this.flushPending();
    super.hide();
  }

  private displayFormat(containerEl: HTMLElement, settings: PrincipleChainSettings): void {
    let choice: IdFormatSetting = settings.idFormat;
    let patternSetting: Setting | null = null;
    const showPattern = (): void => {
      patternSetting?.settingEl.toggleClass('principle-chain-hidden', choice !== 'custom');
    };
    new Setting(containerEl)
      .setName('ID format')
      .setDesc('What an ID looks like in your notes.')
      .addDropdown((dropdown) => {
        for (const format of PRESET_FORMATS) dropdown.addOption(format.key, format.label);
        dropdown.addOption('custom', 'Custom pattern');
        dropdown.setValue(settings.idFormat).onChange((value) => {
          choice = value as IdFormatSetting;
          showPattern();
          if (choice !== 'custom') {
            void this.change({ idFormat: choice });
            return;
          }
          // A custom choice takes effect only once its pattern passes the check.
          const problem = customPatternProblem(this.deps.settings().customPattern);
          if (patternSetting) showProblem(patternSetting, problem);
          if (problem === null) void this.change({ idFormat: 'custom' });
        });
      });
    patternSetting = new Setting(containerEl)
      .setName('Custom pattern')
      .setDesc('A regular expression matching one ID, without anchors or lookbehind. Applied once it passes the check.')
      .addText((text) =>
        text
          .setPlaceholder('\\d{12}')
          .setValue(settings.customPattern)
          .onChange((customPattern) => {
            const problem = customPatternProblem(customPattern);
            if (patternSetting) showProblem(patternSetting, problem);
            if (problem === null) this.changeAfterTyping({ idFormat: 'custom', customPattern });
            else this.cancelPending();
          }),
      );
    showPattern();
    // A stored pattern can be bad (hand-edited data.json); the index then uses 12 digits.
    if (settings.idFormat === 'custom') showProblem(patternSetting, customPatternProblem(settings.customPattern));
  }

  private displayOwnId(containerEl: HTMLElement, settings: PrincipleChainSettings): void {
    new Setting(containerEl).setName('A note’s own ID').setHeading();
    containerEl.createEl('p', {
      cls: 'setting-item-description',
      text: 'Where a note’s own ID comes from, first match wins. Never from the body of the note.',
    });
    const order = [...settings.ownIdSources, ...ALL_SOURCES.filter((s) => !settings.ownIdSources.includes(s))];
    order.forEach((source, position) => {
      const enabled = settings.ownIdSources.includes(source);
      new Setting(containerEl)
        .setName(SOURCE_LABELS[source])
        .addButton((button) =>
          button
            .setButtonText('Move up')
            .setDisabled(position === 0 || !enabled)
            .onClick(() => void this.reorderSource(source)),
        )
        .addToggle((toggle) =>
          toggle
            .setValue(enabled)
            .setDisabled(enabled && settings.ownIdSources.length === 1)
            .onChange((on) => void this.toggleSource(source, on)),
        );
    });
    const keySetting: Setting = new Setting(containerEl)
      .setName('Frontmatter key')
      .setDesc('The property that holds a note’s ID when “Frontmatter property” is a source.')
      .addText((text) =>
        text.setValue(settings.frontmatterKey).onChange((value) => {
          const empty = value.trim() === '';
          showProblem(keySetting, empty ? 'The key must not be empty; the last one is kept.' : null);
          if (empty) this.cancelPending();
          else this.changeAfterTyping({ frontmatterKey: value.trim() });
        }),
      );
  }

  private async toggleSource(source: OwnIdSource, on: boolean): Promise<void> {
    const current = this.deps.settings().ownIdSources;
    const next = on ? [...current.filter((s) => s !== source), source] : current.filter((s) => s !== source);
    if (next.length === 0) return;
    await this.change({ ownIdSources: next });
    this.display();
  }

  private async reorderSource(source: OwnIdSource): Promise<void> {
    const next = [...this.deps.settings().ownIdSources];
    const at = next.indexOf(source);
    if (at <= 0) return;
    [next[at - 1], next[at]] = [next[at], next[at - 1]];
    await this.change({ ownIdSources: next });
    this.display();
  }

  private change(patch: Partial<PrincipleChainSettings>): Promise<void> {
    this.flushPending();
    return applySettingsChange(this.app, this.deps, patch);
  }

  private changeAfterTyping(patch: Partial<PrincipleChainSettings>): void {
    this.cancelPending();
    const apply = (): Promise<void> => applySettingsChange(this.app, this.deps, patch);
    this.pending = {
      apply,
      timer: window.setTimeout(() => {
        this.pending = null;
        void apply();
      }, TYPING_PAUSE_MS),
    };
  }

  private cancelPending(): void {
    if (this.pending) window.clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private flushPending(): void {
    const pending = this.pending;
    this.cancelPending();
    if (pending) void pending.apply();
  }
}
