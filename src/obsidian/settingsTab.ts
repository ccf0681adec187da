import { PluginSettingTab, requireApiVersion, Setting } from 'obsidian';
import type { App, Plugin, SettingDefinitionItem } from 'obsidian';
import { customPatternProblem, customPatternWarning, PRESET_FORMATS, type IdFormatSetting } from '../core/ids/formats';
import { indexSettingsKey, MAX_CHAIN_DEPTH, normalizeFolderList, normalizeTagList } from '../core/settings';
import type { LinkStyle, OwnIdSource, PrincipleChainSettings, RenameHandling } from '../core/settings';

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

/** One row of the tab: the name and description the settings search finds, and how its controls are built. */
interface SettingRow {
  readonly name: string;
  readonly desc: string;
  readonly aliases?: readonly string[];
  build(setting: Setting): void;
}

/** Rows under one heading (none for the first section, as Obsidian's guidelines ask). */
interface SettingSection {
  readonly heading?: string;
  readonly rows: readonly SettingRow[];
}

const SOURCE_LABELS: Record<OwnIdSource, string> = {
  filename: 'Start of the file name',
  folder: 'Folder name',
  frontmatter: 'Frontmatter property',
};
const SOURCE_EXAMPLES: Record<OwnIdSource, string> = {
  filename: '202104291524 Title.md, 202104291524.md or 202104291524-title.md.',
  folder: 'README.md or index.md in a folder named by the ID, like 202104291524/README.md.',
  frontmatter: 'The property named by the frontmatter key below.',
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

/** Why a custom pattern is rejected, or else a warning when it also matches ordinary words. */
function showPatternCheck(setting: Setting, pattern: string, problem: string | null): void {
  showProblem(setting, problem ?? customPatternWarning(pattern));
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

/**
 * The plugin's settings tab. Obsidian 1.13 and later draw it from getSettingDefinitions() and find
 * each setting in the settings search; older apps (minAppVersion is 1.7.2) call display(). Both
 * draw the same rows with the same builders.
 */
export class PrincipleChainSettingTab extends PluginSettingTab {
  /** Changes waiting for a pause in typing; applied at once when the tab closes. */
  private pending: { timer: number; apply: () => Promise<void> } | null = null;
  /** The ID format chosen in the dropdown; "custom" counts only once its pattern passes the check. */
  private formatChoice: IdFormatSetting = 'custom';
  private patternSetting: Setting | null = null;
  /** Whether display() drew what is shown (always before 1.13), so a redraw must draw again. */
  private drawnByDisplay = false;

  constructor(
    app: App,
    plugin: Plugin,
    private readonly deps: SettingsTabDeps,
  ) {
    super(app, plugin);
  }

  /** Obsidian 1.13+: the rows as definitions it draws and indexes for its settings search. */
  getSettingDefinitions(): SettingDefinitionItem[] {
    return this.sections().map((section) => ({
      type: 'group',
      heading: section.heading,
      items: section.rows.map((row) => ({
        name: row.name,
        desc: row.desc,
        aliases: row.aliases === undefined ? undefined : [...row.aliases],
        render: (setting: Setting) => {
          this.drawnByDisplay = false;
          row.build(setting);
        },
      })),
    }));
  }

  /** Obsidian before 1.13 draws the tab through display(). */
  display(): void {
    this.draw();
  }

  hide(): void {
    this.flushPending();
    super.hide();
  }

  private draw(): void {
    const { containerEl } = this;
    containerEl.empty();
    this.drawnByDisplay = true;
    for (const section of this.sections()) {
      if (section.heading !== undefined) new Setting(containerEl).setName(section.heading).setHeading();
      for (const row of section.rows) row.build(new Setting(containerEl).setName(row.name).setDesc(row.desc));
    }
  }

  /** After a change to the rows themselves (order, descriptions): redraw whichever way the app draws. */
  private redraw(): void {
    if (requireApiVersion('1.13.0')) this.update();
    if (this.drawnByDisplay) this.draw();
  }

  private sections(): SettingSection[] {
    return [
      { rows: [this.formatRow(), this.patternRow()] },
      { heading: 'A note’s own ID', rows: [...this.sourceRows(), this.frontmatterKeyRow()] },
      { heading: 'Links', rows: this.linkRows() },
      { heading: 'Chain view', rows: this.chainRows() },
      { heading: 'Repair', rows: this.repairRows() },
    ];
  }

  private formatRow(): SettingRow {
    return {
      name: 'ID format',
      desc: 'What an ID looks like in your notes.',
      aliases: ['timestamp', 'Zettelkasten', 'Denote', '12 digits', '14 digits'],
      build: (setting) => {
        const current = this.deps.settings();
        this.formatChoice = current.idFormat;
        setting.addDropdown((dropdown) => {
          for (const format of PRESET_FORMATS) dropdown.addOption(format.key, format.label);
          dropdown.addOption('custom', 'Custom pattern');
          dropdown.setValue(current.idFormat).onChange((value) => {
            this.formatChoice = value as IdFormatSetting;
            this.showPatternRow();
            if (this.formatChoice !== 'custom') {
              void this.change({ idFormat: this.formatChoice });
              return;
            }
            // A custom choice takes effect only once its pattern passes the check.
            const problem = customPatternProblem(this.deps.settings().customPattern);
            if (this.patternSetting) showPatternCheck(this.patternSetting, this.deps.settings().customPattern, problem);
            if (problem === null) void this.change({ idFormat: 'custom' });
          });
        });
      },
    };
  }

  private patternRow(): SettingRow {
    return {
      name: 'Custom pattern',
      desc: 'A regular expression matching one ID, without anchors or lookbehind. Applied once it passes the check.',
      aliases: ['regex', 'regular expression'],
      build: (setting) => {
        const current = this.deps.settings();
        this.patternSetting = setting;
        setting.addText((text) =>
          text
            .setPlaceholder('\\d{12}')
            .setValue(current.customPattern)
            .onChange((customPattern) => {
              const problem = customPatternProblem(customPattern);
              showPatternCheck(setting, customPattern, problem);
              if (problem === null) this.changeAfterTyping({ idFormat: 'custom', customPattern });
              else this.cancelPending();
            }),
        );
        this.showPatternRow();
        // A stored pattern can be bad (hand-edited data.json); the index then uses 12 digits.
        if (current.idFormat === 'custom') showPatternCheck(setting, current.customPattern, customPatternProblem(current.customPattern));
      },
    };
  }

  private showPatternRow(): void {
    this.patternSetting?.settingEl.toggleClass('principle-chain-hidden', this.formatChoice !== 'custom');
  }

  /** One row per source, in the order they are tried; each says where it stands, next to its controls. */
  private sourceRows(): SettingRow[] {
    const { ownIdSources } = this.deps.settings();
    const order = [...ownIdSources, ...ALL_SOURCES.filter((s) => !ownIdSources.includes(s))];
    return order.map((source, position) => {
      const enabled = ownIdSources.includes(source);
      const standing = !enabled
        ? 'Off.'
        : position === 0
          ? 'Tried first. A note’s ID never comes from its body.'
          : 'Tried when the sources above find no ID.';
      return {
        name: SOURCE_LABELS[source],
        desc: `${SOURCE_EXAMPLES[source]} ${standing}`,
        aliases: ['own ID', 'note ID', 'file name', 'folder note', 'frontmatter'],
        build: (setting) => {
          const current = this.deps.settings().ownIdSources;
          const on = current.includes(source);
          setting
            .addButton((button) =>
              button
                .setButtonText('Move up')
                .setDisabled(current.indexOf(source) <= 0 || !on)
                .onClick(() => void this.reorderSource(source)),
            )
            .addToggle((toggle) =>
              toggle
                .setValue(on)
                .setDisabled(on && current.length === 1)
                .onChange((turnOn) => void this.toggleSource(source, turnOn)),
            );
        },
      };
    });
  }

  private frontmatterKeyRow(): SettingRow {
    return {
      name: 'Frontmatter key',
      desc: 'The property that holds a note’s ID when the frontmatter property is a source.',
      aliases: ['property', 'YAML'],
      build: (setting) => {
        setting.addText((text) =>
          text.setValue(this.deps.settings().frontmatterKey).onChange((value) => {
            const empty = value.trim() === '';
            showProblem(setting, empty ? 'The key must not be empty; the last one is kept.' : null);
            if (empty) this.cancelPending();
            else this.changeAfterTyping({ frontmatterKey: value.trim() });
          }),
        );
      },
    };
  }

  private linkRows(): SettingRow[] {
    return [
      {
        name: 'Link the title',
        desc: 'When an ID is followed by its note’s title, the title becomes part of the link.',
        build: (setting) => {
          setting.addToggle((toggle) => toggle.setValue(this.deps.settings().linkTitle).onChange((linkTitle) => void this.change({ linkTitle })));
        },
      },
      {
        name: 'Highlight unresolved IDs',
        desc: 'Style IDs that name no note like Obsidian’s unresolved links.',
        aliases: ['broken', 'missing'],
        build: (setting) => {
          setting.addToggle((toggle) =>
            toggle.setValue(this.deps.settings().highlightUnresolved).onChange((highlightUnresolved) => void this.change({ highlightUnresolved })),
          );
        },
      },
      {
        name: 'Excluded folders',
        desc: 'One folder per line. Notes in these folders are neither indexed nor decorated.',
        aliases: ['ignore', 'skip'],
        build: (setting) => {
          setting.addTextArea((text) =>
            text
              .setPlaceholder('Templates')
              .setValue(this.deps.settings().excludedFolders.join('\n'))
              .onChange((value) => this.changeAfterTyping({ excludedFolders: normalizeFolderList(value.split('\n')) })),
          );
        },
      },
    ];
  }

  private chainRows(): SettingRow[] {
    return [
      {
        name: 'Chain depth',
        desc: 'How many steps of the chain are shown at first.',
        aliases: ['levels'],
        build: (setting) => {
          const depth = this.deps.settings().chainDepth;
          let shown: HTMLElement | null = null;
          setting.addSlider((slider) =>
            slider
              .setLimits(1, MAX_CHAIN_DEPTH, 1)
              .setValue(depth)
              .onChange((chainDepth) => {
                shown?.setText(String(chainDepth));
                void this.change({ chainDepth });
              }),
          );
          // From 1.13 Obsidian shows a slider's value next to it (obsidian.d.ts, SliderComponent.setDynamicTooltip);
          // before, the value is ours to show.
          if (!requireApiVersion('1.13.0')) shown = setting.controlEl.createSpan({ cls: 'principle-chain-slider-value', text: String(depth) });
        },
      },
      {
        name: 'Show incoming references',
        desc: 'List the notes that build on the open note.',
        aliases: ['built on by', 'backlinks'],
        build: (setting) => {
          setting.addToggle((toggle) => toggle.setValue(this.deps.settings().showIncoming).onChange((showIncoming) => void this.change({ showIncoming })));
        },
      },
      {
        name: 'Show context',
        desc: 'Show the line each reference stands in.',
        aliases: ['context lines', 'sentence'],
        build: (setting) => {
          setting.addToggle((toggle) => toggle.setValue(this.deps.settings().showContext).onChange((showContext) => void this.change({ showContext })));
        },
      },
      {
        name: 'Hidden from the chain',
        desc: 'Folders and #tags, one per line. The chain view (with hide excluded on) and code blocks leave their notes out; they stay indexed and linked.',
        aliases: ['exclude', 'hide', 'tags'],
        build: (setting) => {
          const { chainExcludedFolders, chainExcludedTags } = this.deps.settings();
          setting.addTextArea((text) =>
            text
              .setPlaceholder('Daily\n#meeting')
              .setValue([...chainExcludedFolders, ...chainExcludedTags.map((tag) => `#${tag}`)].join('\n'))
              .onChange((value) => this.changeAfterTyping(chainExclusionPatch(value))),
          );
        },
      },
    ];
  }

  private repairRows(): SettingRow[] {
    return [
      {
        name: 'When a note is renamed',
        desc: 'Update bare references that still carry the note’s old title after its ID.',
        aliases: ['rename', 'stale title'],
        build: (setting) => {
          setting.addDropdown((dropdown) =>
            dropdown
              .addOptions({ ask: 'Ask', always: 'Always update', never: 'Never update' })
              .setValue(this.deps.settings().renameHandling)
              .onChange((value) => void this.change({ renameHandling: value as RenameHandling })),
          );
        },
      },
      {
        name: 'Link style normalisation',
        desc: 'Offered by the repair command; off by default.',
        aliases: ['wikilink', 'bare ID', 'normalization'],
        build: (setting) => {
          setting.addDropdown((dropdown) =>
            dropdown
              .addOptions({ off: 'Off', wikilink: 'Bare IDs to wikilinks', bare: 'Wikilinks to bare IDs' })
              .setValue(this.deps.settings().linkStyle)
              .onChange((value) => void this.change({ linkStyle: value as LinkStyle })),
          );
        },
      },
    ];
  }

  private async toggleSource(source: OwnIdSource, on: boolean): Promise<void> {
    const current = this.deps.settings().ownIdSources;
    const next = on ? [...current.filter((s) => s !== source), source] : current.filter((s) => s !== source);
    if (next.length === 0) return;
    await this.change({ ownIdSources: next });
    this.redraw();
  }

  private async reorderSource(source: OwnIdSource): Promise<void> {
    const next = [...this.deps.settings().ownIdSources];
    const at = next.indexOf(source);
    if (at <= 0) return;
    [next[at - 1], next[at]] = [next[at], next[at - 1]];
    await this.change({ ownIdSources: next });
    this.redraw();
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
