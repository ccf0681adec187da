/** The rows of the settings tab that only save what is chosen, and the shapes all rows share. */
import { resolveFolderList, type FolderList } from '../../core/folderPaths';
import { MAX_CHAIN_DEPTH, normalizeTagList } from '../../core/settings';
import type { LinkStyle, PrincipleChainSettings, RenameHandling } from '../../core/settings';

/** One control of a row, with its value when the rows were made. */
export type SettingControl =
  | { readonly kind: 'dropdown'; readonly options: readonly (readonly [value: string, label: string])[]; readonly value: string; change(value: string): void }
  | TextControl<'text'>
  | TextControl<'textarea'>
  | { readonly kind: 'toggle'; readonly value: boolean; readonly disabled: boolean; change(on: boolean): void }
  | { readonly kind: 'slider'; readonly min: number; readonly max: number; readonly value: number; change(value: number): void }
  | { readonly kind: 'button'; readonly text: string; readonly disabled: boolean; click(): void };

/** A one-line or a multi-line text field. */
interface TextControl<K extends 'text' | 'textarea'> {
  readonly kind: K;
  readonly placeholder?: string;
  readonly value: string;
  change(value: string): void;
}

/** One row: the name and description the settings search finds, and its controls. */
export interface SettingRow {
  readonly name: string;
  readonly desc: string;
  readonly aliases?: readonly string[];
  readonly controls: readonly SettingControl[];
}

/** Rows under one heading (none for the first section, as Obsidian's guidelines ask). */
export interface SettingSection {
  readonly heading?: string;
  readonly rows: readonly SettingRow[];
}

/** How a row's control changes the settings: at once, or after a pause in typing (text that would cost a rebuild). */
export interface SettingChanges {
  now(patch: Partial<PrincipleChainSettings>): void;
  afterTyping(patch: Partial<PrincipleChainSettings>): void;
  /** Says under the row which of the folders typed there name no folder of the vault. */
  folders(row: string, list: FolderList): void;
}

export const EXCLUDED_FOLDERS_ROW = 'Excluded folders';
export const HIDDEN_FROM_CHAIN_ROW = 'Hidden from the chain';

/** One line per folder or #tag, as typed in the "Hidden from the chain" field. */
function chainExclusion(value: string): { folders: FolderList; tags: string[] } {
  const lines = value.split('\n').map((line) => line.trim());
  return {
    folders: resolveFolderList(lines.filter((line) => !line.startsWith('#'))),
    tags: normalizeTagList(lines.filter((line) => line.startsWith('#'))),
  };
}

export function linkRows(current: PrincipleChainSettings, changes: SettingChanges): SettingRow[] {
  return [
    {
      name: 'Link the title',
      desc: 'When an ID is followed by its note’s title, the title becomes part of the link.',
      controls: [toggle(changes, current.linkTitle, (linkTitle) => ({ linkTitle }))],
    },
    {
      name: 'Highlight unresolved IDs',
      desc: 'Style IDs that name no note like Obsidian’s unresolved links.',
      aliases: ['broken', 'missing'],
      controls: [toggle(changes, current.highlightUnresolved, (highlightUnresolved) => ({ highlightUnresolved }))],
    },
    {
      name: EXCLUDED_FOLDERS_ROW,
      desc: 'One folder per line. Notes in these folders are neither indexed nor decorated.',
      aliases: ['ignore', 'skip'],
      controls: [
        {
          kind: 'textarea',
          placeholder: 'Templates',
          value: current.excludedFolders.join('\n'),
          change: (value) => {
            const list = resolveFolderList(value.split('\n'));
            changes.folders(EXCLUDED_FOLDERS_ROW, list);
            changes.afterTyping({ excludedFolders: list.folders });
          },
        },
      ],
    },
  ];
}

export function chainRows(current: PrincipleChainSettings, changes: SettingChanges): SettingRow[] {
  return [
    {
      name: 'Chain depth',
      desc: 'How many steps of the chain are shown at first.',
      aliases: ['levels'],
      controls: [{ kind: 'slider', min: 1, max: MAX_CHAIN_DEPTH, value: current.chainDepth, change: (chainDepth) => changes.now({ chainDepth }) }],
    },
    {
      name: 'Show incoming references',
      desc: 'List the notes that build on the open note.',
      aliases: ['built on by', 'backlinks'],
      controls: [toggle(changes, current.showIncoming, (showIncoming) => ({ showIncoming }))],
    },
    {
      name: 'Show context',
      desc: 'Show the line each reference stands in.',
      aliases: ['context lines', 'sentence'],
      controls: [toggle(changes, current.showContext, (showContext) => ({ showContext }))],
    },
    {
      name: HIDDEN_FROM_CHAIN_ROW,
      desc: 'Folders and #tags, one per line. The chain view (with hide excluded on) and code blocks leave their notes out; they stay indexed and linked.',
      aliases: ['exclude', 'hide', 'tags'],
      controls: [
        {
          kind: 'textarea',
          placeholder: 'Daily\n#meeting',
          value: [...current.chainExcludedFolders, ...current.chainExcludedTags.map((tag) => `#${tag}`)].join('\n'),
          change: (value) => {
            const { folders, tags } = chainExclusion(value);
            changes.folders(HIDDEN_FROM_CHAIN_ROW, folders);
            changes.afterTyping({ chainExcludedFolders: folders.folders, chainExcludedTags: tags });
          },
        },
      ],
    },
  ];
}

export function repairRows(current: PrincipleChainSettings, changes: SettingChanges): SettingRow[] {
  return [
    {
      name: 'When a note is renamed',
      desc: 'Update bare references that still carry the note’s old title after its ID.',
      aliases: ['rename', 'stale title'],
      controls: [
        {
          kind: 'dropdown',
          options: [['ask', 'Ask'], ['always', 'Always update'], ['never', 'Never update']],
          value: current.renameHandling,
          change: (value) => changes.now({ renameHandling: value as RenameHandling }),
        },
      ],
    },
    {
      name: 'Link style normalisation',
      desc: 'Offered by the repair command; off by default.',
      aliases: ['wikilink', 'bare ID', 'normalization'],
      controls: [
        {
          kind: 'dropdown',
          options: [['off', 'Off'], ['wikilink', 'Bare IDs to wikilinks'], ['bare', 'Wikilinks to bare IDs']],
          value: current.linkStyle,
          change: (value) => changes.now({ linkStyle: value as LinkStyle }),
        },
      ],
    },
  ];
}

function toggle(changes: SettingChanges, value: boolean, patch: (on: boolean) => Partial<PrincipleChainSettings>): SettingControl {
  return { kind: 'toggle', value, disabled: false, change: (on) => changes.now(patch(on)) };
}
