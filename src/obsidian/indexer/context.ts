/** What the indexer's parts share: the vault, the index and its helpers, and which build is current. */
import { TFile, type App, type TAbstractFile } from 'obsidian';
import type { IdIndex } from '../../core/index/idIndex';
import type { NoteFactsOptions } from '../../core/index/noteFacts';
import type { NoteScanner } from '../../core/index/scannedNote';
import type { FileUpdates } from '../fileUpdates';
import type { NoteTextCache } from '../noteTexts';
import type { IndexerPacing } from '../pacing';
import type { IndexChangeBus } from './changeBus';
import type { IndexWriter } from './writer';

export interface IndexerContext {
  readonly app: App;
  readonly index: IdIndex;
  readonly texts: NoteTextCache;
  readonly updates: FileUpdates;
  readonly writer: IndexWriter;
  readonly changes: IndexChangeBus;
  readonly pacing: IndexerPacing;
  /** Bumped by rebuild and unload, so asynchronous work of an older build drops its result. */
  generation(): number;
  /** How notes are read into facts under the settings of the current build. */
  factOptions(): NoteFactsOptions;
  scanner(): NoteScanner;
  /** Whether the settings let a note at the path into the index (Markdown files are told by isMarkdown). */
  isIncluded(path: string): boolean;
}

export function isMarkdown(file: TAbstractFile | null): file is TFile {
  return file instanceof TFile && file.extension === 'md';
}
