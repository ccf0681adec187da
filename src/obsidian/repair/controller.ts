/**
 * The repair feature's behaviour behind its commands: plan, preview, apply with progress and a
 * summary, undo, and the rename follow-up. Obsidian is reached only through `app` and the store.
 */
import { Notice, TFile, type App } from 'obsidian';
import { createRepairContext } from '../../core/repair/context';
import { createRepairPlanner, type RepairPlanner } from '../../core/repair/plan';
import { createNoteScreen, type NoteScreen, type ScreenableIndex, type Screening } from '../../core/repair/screen';
import { recordRename, titleChange } from '../../core/repair/renames';
import type { FileRepairPlan, RepairContext, RepairPlan } from '../../core/repair/types';
import { renameInRecord, type AppliedFileRecord, type RepairRecord } from '../../core/repair/undo';
import type { RepairState } from '../../core/repair/state';
import { compareCodeUnits } from '../../core/order';
import { withUnreadableNotes, type UnreadableNote } from '../../core/repair/unreadable';
import { isExcluded } from '../../core/settings';
import { RepairPreviewModal, type RepairPreviewOptions } from '../../ui/repairPreview';
import type { IdServices } from '../services';
import { describeRun, describeUndo, RepairProgress } from './progress';
import { applyRepairs, undoRepairs, type RunSummary } from './runner';
import type { RepairStore } from './store';
import { currentText, ObsidianRepairTarget, pathsOpenInEditors } from './target';

/** Files written at once: enough to hide disk latency, few enough to keep the app responsive. */
export const REPAIR_CONCURRENCY = 4;
/** Renames arriving this close together (a folder of notes renamed) are followed up together. */
export const RENAME_SETTLE_MS = 400;
/** How long a rename follow-up waits for the index to learn the new title before giving up. */
const INDEX_WAIT_MS = 5000;
const READ_BATCH = 16;
/** What a user who cancelled the planning is told: nothing was read into a plan, nothing written. */
export const PLANNING_CANCELLED = 'Repair cancelled while planning: no file was changed.';
/** Plans over this many notes show progress (and can be cancelled); smaller ones finish too fast to need it. */
const PLANNING_NOTICE_FROM = 500;
/**
 * While a repair or undo writes, its record is saved at most this often, so an app closed mid-run
 * (a phone sends it to the background) loses at most this much of it; the run's end saves it whole.
 */
export const RECORD_SAVE_MS = 1000;

export interface RepairDeps {
  readonly app: App;
  readonly services: IdServices;
  readonly store: RepairStore;
  /** Opens the preview; the modal unless a test supplies another. */
  readonly preview?: (options: RepairPreviewOptions) => void;
  /** RECORD_SAVE_MS unless a test supplies another. */
  readonly recordSaveMs?: number;
  /**
   * The live index with its stored references, so notes it shows to need no repair are not read;
   * without it every note is read and planned.
   */
  readonly indexed?: IndexedNotes;
}

/** The index as the indexer keeps it, and when it holds every change made to the vault. */
export interface IndexedNotes {
  readonly index: ScreenableIndex;
  /** Waits for pending updates; false when the index is still being built (it cannot vouch for notes yet). */
  current(): Promise<boolean>;
}

export class RepairController {
  private running = false;
  private readonly renamedIds = new Set<string>();
  private renameTimer: number | null = null;
  private recordSaveTimer: number | null = null;
  /** Set on unload: a run in progress finishes the files it started and starts no more. */
  private disposed = false;

  constructor(private readonly deps: RepairDeps) {}

  /** Whether a repair or undo is writing now (its own writes must not start another). */
  get busy(): boolean {
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    if (this.renameTimer !== null) window.clearTimeout(this.renameTimer);
    this.renameTimer = null;
  }

  async repairVault(): Promise<void> {
    const { app, services } = this.deps;
    const excluded = services.settings().excludedFolders;
    const paths = app.vault.getMarkdownFiles().map((f) => f.path).filter((p) => !isExcluded(p, excluded)).sort();
    const planned = await this.plan(paths);
    if (planned !== null) this.preview('Repair ID links in vault', planned.plan, planned.planner);
  }

  async repairNote(file: TFile): Promise<void> {
    const planned = await this.plan([file.path]);
    if (planned !== null) this.preview(`Repair ID links in ${file.basename}`, planned.plan, planned.planner);
  }

  async undoLast(): Promise<void> {
    const state = await this.deps.store.state();
    const record = state.lastRun;
    if (record === null) {
      new Notice('There is no repair to undo.');
      return;
    }
    if (this.refuseWhileRunning()) return;
    this.running = true;
    const progress = new RepairProgress('Undoing repair', record.files.length);
    try {
      const summary = await undoRepairs(record, new ObsidianRepairTarget(this.deps.app), {
        concurrency: REPAIR_CONCURRENCY,
        isCancelled: () => progress.cancelled || this.disposed,
        onProgress: (done, total) => progress.update(done, total),
        // Taken out of the record as it is now, not as the undo started: a note renamed meanwhile keeps its new path.
        onRestored: (path) => {
          state.lastRun = withoutFile(state.lastRun, path);
          this.saveRecordSoon();
        },
      });
      await this.saveRecordNow();
      progress.finish(describeUndo(summary));
    } finally {
      this.running = false;
    }
  }

  /** Follows a rename: records a changed title and, per the setting, offers or applies stale-title repairs. */
  async onRename(file: TFile, oldPath: string): Promise<void> {
    const state = await this.deps.store.state();
    let changed = false;
    if (state.lastRun?.files.some((f) => f.path === oldPath)) {
      state.lastRun = renameInRecord(state.lastRun, oldPath, file.path);
      changed = true;
    }
    const services = this.deps.services;
    // The indexer may or may not have seen the rename yet: the note is under one of the two paths.
    const knownId = services.index.note(file.path)?.id ?? services.index.note(oldPath)?.id ?? null;
    const change = file.extension === 'md' ? titleChange(oldPath, file.path, services.format(), knownId) : null;
    if (change !== null) changed = recordRename(state.renameHistory, change.id, change.oldTitle, change.newTitle) || changed;
    if (changed) await this.saveQuietly();
    if (change === null || this.running || this.deps.services.settings().renameHandling === 'never') return;
    await this.indexKnowsTitle(file.path, change.newTitle);
    if (this.disposed) return;
    this.renamedIds.add(change.id);
    if (this.renameTimer !== null) window.clearTimeout(this.renameTimer);
    this.renameTimer = window.setTimeout(() => {
      this.renameTimer = null;
      void this.followRenames();
    }, RENAME_SETTLE_MS);
  }

  private async followRenames(): Promise<void> {
    const ids = new Set(this.renamedIds);
    this.renamedIds.clear();
    if (this.running) return;
    const services = this.deps.services;
    const excluded = services.settings().excludedFolders;
    const sources = new Set<string>();
    for (const id of ids) for (const ref of services.index.referencesTo(id)) if (!isExcluded(ref.sourcePath, excluded)) sources.add(ref.sourcePath);
    const planned = await this.plan([...sources].sort());
    if (planned === null) return;
    const { planner, plan: full } = planned;
    const files = full.files
      .map((f) => ({ ...f, edits: f.edits.filter((e) => e.kind === 'stale-title' && ids.has(e.id)) }))
      .filter((f) => f.edits.length > 0);
    if (files.length === 0) return;
    const plan: RepairPlan = { files, problems: [] };
    if (services.settings().renameHandling === 'always') await this.apply(files, planner);
    else this.preview('Update references to the renamed note', plan, planner);
  }

  /** Resolves once the index has the note under its new title (or after a wait), so the plan sees it. */
  private indexKnowsTitle(path: string, title: string): Promise<void> {
    const services = this.deps.services;
    if (services.index.note(path)?.title === title) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        window.clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = window.setTimeout(finish, INDEX_WAIT_MS);
      const unsubscribe = services.onIndexChange(() => {
        if (services.index.note(path)?.title === title) finish();
      });
    });
  }

  private context(renameHistory: ReadonlyMap<string, readonly string[]>): RepairContext {
    const { app, services } = this.deps;
    return createRepairContext({
      format: services.format(),
      index: services.index,
      paths: app.vault.getFiles().map((f) => f.path),
      renameHistory,
      linkStyle: services.settings().linkStyle,
    });
  }

  /**
   * The notes to read, with what the index tells of each: every note as `plan` unless the index is
   * current. A note open in an editor may hold text the index has not seen: it is always planned.
   */
  private async screened(paths: readonly string[], context: RepairContext): Promise<{ screen: NoteScreen | null; notes: [string, Screening][] }> {
    const indexed = this.deps.indexed;
    if (indexed === undefined || !(await indexed.current())) return { screen: null, notes: paths.map((path) => [path, 'plan']) };
    const screen = createNoteScreen(indexed.index, context);
    const open = pathsOpenInEditors(this.deps.app);
    const notes: [string, Screening][] = [];
    for (const path of paths) {
      const screening = open.has(path) ? 'plan' : screen.screen(path);
      if (screening !== 'nothing') notes.push([path, screening]);
    }
    return { screen, notes };
  }

  /** Reads and plans the notes; null when the user cancelled. */
  private async plan(paths: readonly string[]): Promise<{ planner: RepairPlanner; plan: RepairPlan } | null> {
    const context = this.context((await this.deps.store.state()).renameHistory);
    const planner = createRepairPlanner(context);
    const { screen, notes } = await this.screened(paths, context);
    const progress = notes.length >= PLANNING_NOTICE_FROM ? new RepairProgress('Planning ID link repair', notes.length) : null;
    // Planned as read, so only the texts of files that get edits stay in memory.
    const collector = planner.collector();
    const unreadable: UnreadableNote[] = [];
    try {
      for (let start = 0; start < notes.length; start += READ_BATCH) {
        if (this.disposed) return null;
        if (progress?.cancelled) {
          progress.finish(PLANNING_CANCELLED);
          return null;
        }
        const batch = notes.slice(start, start + READ_BATCH);
        const texts = await Promise.all(batch.map(([path]) => this.readNote(path)));
        batch.forEach(([path, screening], i) => {
          const text = texts[i];
          if (text === null) return;
          if (typeof text !== 'string') unreadable.push({ path, reason: text.unreadable });
          else if (screen === null || screen.needsPlanning(path, screening, text)) collector.add(path, text);
        });
        progress?.update(Math.min(start + READ_BATCH, notes.length), notes.length);
      }
    } finally {
      progress?.hide();
    }
    return { planner, plan: withUnreadableNotes(collector.finish(), unreadable) };
  }

  /**
   * A note's current text; null for a note that is gone (renamed or deleted since it was listed),
   * which is left out quietly. A note still there that cannot be read is left out with the reason,
   * which the preview lists among the problems.
   */
  private async readNote(path: string): Promise<string | null | { readonly unreadable: string }> {
    try {
      return await currentText(this.deps.app, path);
    } catch (error) {
      if (this.deps.app.vault.getFileByPath(path) === null) return null;
      return { unreadable: error instanceof Error ? error.message : String(error) };
    }
  }

  private preview(title: string, plan: RepairPlan, planner: RepairPlanner): void {
    if (plan.files.length === 0 && plan.problems.length === 0) {
      new Notice('No ID links need repair.');
      return;
    }
    const options: RepairPreviewOptions = { title, plan, onApply: (files) => void this.apply(files, planner) };
    if (this.deps.preview) this.deps.preview(options);
    else new RepairPreviewModal(this.deps.app, options).open();
  }

  /** Applies ticked edits, saves the undo record, and shows the summary. */
  async apply(files: readonly FileRepairPlan[], planner: RepairPlanner): Promise<RunSummary | null> {
    if (this.refuseWhileRunning()) return null;
    this.running = true;
    const progress = new RepairProgress('Repairing ID links', files.length);
    try {
      const state = await this.deps.store.state();
      const record = new GrowingRecord(state, Date.now());
      const summary = await applyRepairs(files, new ObsidianRepairTarget(this.deps.app), (path, text) => planner.planFile(path, text).plan.edits, {
        concurrency: REPAIR_CONCURRENCY,
        isCancelled: () => progress.cancelled || this.disposed,
        onProgress: (done, total) => progress.update(done, total),
        onWritten: (file) => {
          record.add(file);
          this.saveRecordSoon();
        },
      });
      if (summary.changed.length > 0) {
        record.sortByPath();
        await this.saveRecordNow();
      }
      progress.finish(describeRun(summary));
      return summary;
    } finally {
      this.running = false;
    }
  }

  private refuseWhileRunning(): boolean {
    if (this.running) new Notice('A repair is already running; wait for it to finish.');
    return this.running;
  }

  /** Saves the record once RECORD_SAVE_MS have passed, unless a save is waiting already; such a save never warns (the last one does). */
  private saveRecordSoon(): void {
    if (this.recordSaveTimer !== null) return;
    this.recordSaveTimer = window.setTimeout(() => {
      this.recordSaveTimer = null;
      this.deps.store.save().catch(() => undefined);
    }, this.deps.recordSaveMs ?? RECORD_SAVE_MS);
  }

  private async saveRecordNow(): Promise<void> {
    if (this.recordSaveTimer !== null) window.clearTimeout(this.recordSaveTimer);
    this.recordSaveTimer = null;
    await this.saveQuietly();
  }

  private async saveQuietly(): Promise<void> {
    try {
      await this.deps.store.save();
    } catch (error) {
      new Notice(`Principle Chain could not save its repair record: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The last run's record as a run writes it: each written file joins it at once. The state may
 * meanwhile hold a new record object (a rename rewrites the record it holds), which is taken up.
 */
class GrowingRecord {
  private files: AppliedFileRecord[] = [];
  private record: RepairRecord | null = null;

  constructor(
    private readonly state: RepairState,
    private readonly createdAt: number,
  ) {}

  add(file: AppliedFileRecord): void {
    this.takeUpRenames();
    this.files.push(file);
    this.publish();
  }

  sortByPath(): void {
    if (this.record === null) return;
    this.takeUpRenames();
    this.files.sort((a, b) => compareCodeUnits(a.path, b.path));
    this.publish();
  }

  /** A rename during the run replaced the published record with a copy under the new path. */
  private takeUpRenames(): void {
    const held = this.state.lastRun;
    if (this.record !== null && held !== this.record && held?.createdAt === this.createdAt) this.files = [...held.files];
  }

  private publish(): void {
    this.record = { createdAt: this.createdAt, files: this.files };
    this.state.lastRun = this.record;
  }
}

/** The record without the file at `path`; null once no file is left. */
function withoutFile(record: RepairRecord | null, path: string): RepairRecord | null {
  if (record === null) return null;
  const files = record.files.filter((f) => f.path !== path);
  return files.length === 0 ? null : { ...record, files };
}

/** Whether the file is a note the current-note command can repair. */
export function isNote(file: unknown): file is TFile {
  return file instanceof TFile && file.extension === 'md';
}
