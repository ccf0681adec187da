/**
 * The settings tab without its widgets: the rows, their controls, and what each control does.
 * src/obsidian/settingsTab.ts draws the rows with Obsidian's Setting API; a change goes to the
 * settings store, and text that would cost a rebuild on every keystroke waits for a pause in typing.
 */
import { customPatternProblem, customPatternWarning, PRESET_FORMATS, type IdFormatSetting } from '../../core/ids/formats';
import { frontmatterKeyOf } from '../../core/index/frontmatter';
import type { OwnIdSource, PrincipleChainSettings } from '../../core/settings';
import { folderListMessage, type VaultFolders } from '../../core/folderPaths';
import { chainRows, EXCLUDED_FOLDERS_ROW, HIDDEN_FROM_CHAIN_ROW, linkRows, repairRows, type SettingChanges, type SettingRow, type SettingSection } from './rows';

/** What the form needs: the settings store's reading and writing. */
export interface SettingsFormDeps {
  get(): PrincipleChainSettings;
  /** Applies and saves the change; rejects when the save failed, which the saving side shows the user (SettingsFile). */
  update(patch: Partial<PrincipleChainSettings>): Promise<void>;
  /**
   * The ID format as data.json holds it when the plugin could not use it: "custom" when the stored
   * custom pattern was refused (an update's stricter check, a hand edit), so the 12-digit format is
   * in use. Absent, or undefined, otherwise.
   */
  storedFormat?(): unknown;
}

const PATTERN_ROW = 'Custom pattern';
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
export const TYPING_PAUSE_MS = 800;

export class SettingsForm {
  /** Per field, the change waiting for a pause in typing; applied at once when the tab closes or another change is made. */
  private readonly pending = new Map<string, { timer: number; apply: () => Promise<void> }>();
  /** The ID format chosen in the dropdown; "custom" counts only once its pattern passes the check. */
  private formatChoice: IdFormatSetting = 'custom';
  /** The pattern field's text, as drawn or last typed: choosing "custom" applies this, as the field shows it. */
  private typedPattern = '';
  /** The message under each row that has one (why a value is refused, or a warning). */
  private readonly problems = new Map<string, string>();

  private readonly changes: SettingChanges = {
    now: (patch) => void this.change(patch),
    afterTyping: (patch) => this.changeAfterTyping(patch),
    folders: (row, list) => this.setProblem(row, folderListMessage(list, this.vaultFolders)),
  };

  /**
   * `rowsChanged` asks for the rows to be drawn again (their order or descriptions changed);
   * `vaultFolders` tells which folders typed in the settings exist.
   */
  constructor(
    private readonly deps: SettingsFormDeps,
    private readonly rowsChanged: () => void,
    private readonly vaultFolders: VaultFolders,
  ) {}

  /** The rows as the settings are now; the messages and the format choice start afresh with them. */
  sections(): SettingSection[] {
    const current = this.deps.get();
    // A stored custom pattern that was refused shows as chosen, with why, rather than as the
    // 12-digit format the index fell back to: the user sees what to fix.
    const refusedCustom = current.idFormat !== 'custom' && this.deps.storedFormat?.() === 'custom';
    this.formatChoice = refusedCustom ? 'custom' : current.idFormat;
    this.typedPattern = current.customPattern;
    this.problems.clear();
    // A stored pattern can be bad (hand-edited data.json); the index then uses 12 digits.
    if (this.formatChoice === 'custom') {
      const problem = this.checkPattern(current.customPattern);
      if (refusedCustom && problem !== null) this.setProblem(PATTERN_ROW, `${problem} Until it is fixed, or another format chosen, IDs of the 12-digit format are linked.`);
    }
    // Stored folders can name none of this vault's (synced from another vault, or since renamed).
    this.changes.folders(EXCLUDED_FOLDERS_ROW, { folders: current.excludedFolders, outside: [] });
    this.changes.folders(HIDDEN_FROM_CHAIN_ROW, { folders: current.chainExcludedFolders, outside: [] });
    return [
      { rows: [this.formatRow(current), this.patternRow(current)] },
      { heading: 'A note’s own ID', rows: [...this.sourceRows(current), this.frontmatterKeyRow(current)] },
      { heading: 'Links', rows: linkRows(current, this.changes) },
      { heading: 'Chain view', rows: chainRows(current, this.changes) },
      { heading: 'Repair', rows: repairRows(current, this.changes) },
    ];
  }

  /** The message shown under a row, or null. */
  problem(row: string): string | null {
    return this.problems.get(row) ?? null;
  }

  /** Whether a row is hidden now: the custom pattern, unless the custom format is chosen. */
  hidden(row: string): boolean {
    return row === PATTERN_ROW && this.formatChoice !== 'custom';
  }

  /** Applies the changes still waiting for a pause in typing (the tab is closing, or another change is made). */
  flush(): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { timer, apply } of waiting) {
      window.clearTimeout(timer);
      void apply();
    }
  }

  private setProblem(row: string, problem: string | null): void {
    if (problem === null) this.problems.delete(row);
    else this.problems.set(row, problem);
  }

  /** Why a custom pattern is refused, else a warning when it also matches ordinary words; returns why it is refused. */
  private checkPattern(pattern: string): string | null {
    const problem = customPatternProblem(pattern);
    this.setProblem(PATTERN_ROW, problem ?? customPatternWarning(pattern));
    return problem;
  }

  private formatRow(current: PrincipleChainSettings): SettingRow {
    const options: [string, string][] = [...PRESET_FORMATS.map((format): [string, string] => [format.key, format.label]), ['custom', 'Custom pattern']];
    return {
      name: 'ID format',
      desc: 'What an ID looks like in your notes.',
      aliases: ['timestamp', 'Zettelkasten', 'Denote', '12 digits', '14 digits'],
      controls: [
        {
          kind: 'dropdown',
          options,
          value: this.formatChoice,
          change: (value) => {
            this.formatChoice = value as IdFormatSetting;
            if (this.formatChoice !== 'custom') {
              void this.change({ idFormat: this.formatChoice });
              return;
            }
            // A custom choice takes effect only once the pattern in its field passes the check.
            const customPattern = this.typedPattern;
            if (this.checkPattern(customPattern) === null) void this.change({ idFormat: 'custom', customPattern });
          },
        },
      ],
    };
  }

  private patternRow(current: PrincipleChainSettings): SettingRow {
    return {
      name: PATTERN_ROW,
      desc: 'A regular expression matching one ID, without anchors or lookbehind. Applied once it passes the check.',
      aliases: ['regex', 'regular expression'],
      controls: [
        {
          kind: 'text',
          placeholder: '\\d{12}',
          value: current.customPattern,
          change: (customPattern) => {
            this.typedPattern = customPattern;
            const patch = { idFormat: 'custom', customPattern } as const;
            if (this.checkPattern(customPattern) === null) this.changeAfterTyping(patch);
            else this.cancelPending(patch);
          },
        },
      ],
    };
  }

  /** One row per source, in the order they are tried; each says where it stands, next to its controls. */
  private sourceRows(current: PrincipleChainSettings): SettingRow[] {
    const { ownIdSources } = current;
    const order = [...ownIdSources, ...ALL_SOURCES.filter((s) => !ownIdSources.includes(s))];
    return order.map((source, position) => {
      const on = ownIdSources.includes(source);
      const standing = !on ? 'Off.' : position === 0 ? 'Tried first. A note’s ID never comes from its body.' : 'Tried when the sources above find no ID.';
      return {
        name: SOURCE_LABELS[source],
        desc: `${SOURCE_EXAMPLES[source]} ${standing}`,
        aliases: ['own ID', 'note ID', 'file name', 'folder note', 'frontmatter'],
        controls: [
          { kind: 'button', text: 'Move up', disabled: position === 0 || !on, click: () => void this.moveSourceUp(source) },
          { kind: 'toggle', value: on, disabled: on && ownIdSources.length === 1, change: (turnOn) => void this.toggleSource(source, turnOn) },
        ],
      };
    });
  }

  private frontmatterKeyRow(current: PrincipleChainSettings): SettingRow {
    const name = 'Frontmatter key';
    return {
      name,
      desc: 'The property that holds a note’s ID when the frontmatter property is a source.',
      aliases: ['property', 'YAML'],
      controls: [
        {
          kind: 'text',
          value: current.frontmatterKey,
          change: (value) => {
            const { key, problem } = frontmatterKeyOf(value);
            this.setProblem(name, problem === null ? null : `The key ${problem}; the last one is kept.`);
            if (key === null) this.cancelPending({ frontmatterKey: value });
            else this.changeAfterTyping({ frontmatterKey: key });
          },
        },
      ],
    };
  }

  private async toggleSource(source: OwnIdSource, on: boolean): Promise<void> {
    const current = this.deps.get().ownIdSources;
    const next = on ? [...current.filter((s) => s !== source), source] : current.filter((s) => s !== source);
    if (next.length === 0) return;
    await this.change({ ownIdSources: next });
    this.rowsChanged();
  }

  private async moveSourceUp(source: OwnIdSource): Promise<void> {
    const next = [...this.deps.get().ownIdSources];
    const at = next.indexOf(source);
    if (at <= 0) return;
    [next[at - 1], next[at]] = [next[at], next[at - 1]];
    await this.change({ ownIdSources: next });
    this.rowsChanged();
  }

  private change(patch: Partial<PrincipleChainSettings>): Promise<void> {
    this.flush();
    return this.applied(patch);
  }

  /** The change applied: a failed save changes nothing here (the change holds for the session, and the user is told). */
  private applied(patch: Partial<PrincipleChainSettings>): Promise<void> {
    return this.deps.update(patch).catch(() => undefined);
  }

  /** Replaces what waits for the same field; a change of another field waits on its own, so neither is lost. */
  private changeAfterTyping(patch: Partial<PrincipleChainSettings>): void {
    this.cancelPending(patch);
    const field = fieldOf(patch);
    const apply = (): Promise<void> => this.applied(patch);
    this.pending.set(field, {
      apply,
      timer: window.setTimeout(() => {
        this.pending.delete(field);
        void apply();
      }, TYPING_PAUSE_MS),
    });
  }

  /** Drops what waits for the patch's field (its new value is refused). */
  private cancelPending(patch: Partial<PrincipleChainSettings>): void {
    const field = fieldOf(patch);
    const waiting = this.pending.get(field);
    if (waiting) window.clearTimeout(waiting.timer);
    this.pending.delete(field);
  }
}

/** Which field a typed change is for: the settings it sets. */
function fieldOf(patch: Partial<PrincipleChainSettings>): string {
  return Object.keys(patch).sort().join(' ');
}
