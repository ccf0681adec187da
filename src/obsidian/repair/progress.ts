/** A notice that shows how far a repair has got, with a Cancel button, then the summary. */
import { Notice } from 'obsidian';
import { describeCounts } from '../../core/repair/render';
import type { RunSummary, UndoSummary } from './runner';

const SUMMARY_MS = 12000;
const LISTED = 5;

export class RepairProgress {
  cancelled = false;
  private readonly notice: Notice;
  private readonly status: HTMLElement;
  private hidden = false;

  constructor(
    private readonly label: string,
    total: number,
  ) {
    const fragment = createFragment();
    this.status = fragment.createSpan({ text: `${label}: 0 of ${total} files` });
    const cancel = fragment.createEl('button', { text: 'Cancel', cls: 'pc-repair-cancel' });
    cancel.addEventListener('click', (event) => {
      // A click on a notice dismisses it; this one should stay to show the run winding down.
      event.stopPropagation();
      this.cancelled = true;
      cancel.disabled = true;
      cancel.setText('Cancelling…');
    });
    this.notice = new Notice(fragment, 0);
  }

  update(done: number, total: number): void {
    this.status.setText(`${this.label}: ${done} of ${total} files`);
  }

  finish(message: string): void {
    this.hide();
    new Notice(message, SUMMARY_MS);
  }

  /** Takes the notice away, once: a later call does nothing. */
  hide(): void {
    if (this.hidden) return;
    this.hidden = true;
    this.notice.hide();
  }
}

function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED).join(', ');
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

/** "Repaired 5 files (6 stale titles). Skipped 1: b.md (changed since the preview). …" */
export function describeRun(summary: RunSummary): string {
  const lines = [`Repaired ${summary.changed.length} file${summary.changed.length === 1 ? '' : 's'} (${describeCounts(summary.editsByKind)}).`];
  if (summary.skipped.length > 0) lines.push(`Skipped ${summary.skipped.length}: ${listed(summary.skipped.map((s) => `${s.path} (${s.reason})`))}.`);
  if (summary.leftOut.length > 0) {
    const named = summary.leftOut.map((o) => `${o.path} line ${o.edit.line} "${o.edit.before}" → "${o.edit.after}" (${o.reason})`);
    lines.push(`Left out ${summary.leftOut.length} approved edit${summary.leftOut.length === 1 ? '' : 's'}: ${listed(named)}.`);
  }
  if (summary.failed.length > 0) lines.push(`Failed ${summary.failed.length}: ${listed(summary.failed.map((f) => `${f.path} (${f.message})`))}.`);
  if (summary.notStarted.length > 0) lines.push(`Cancelled: ${summary.notStarted.length} file${summary.notStarted.length === 1 ? '' : 's'} left unchanged.`);
  return lines.join('\n');
}

export function describeUndo(summary: UndoSummary): string {
  const lines = [`Undo restored ${summary.restored.length} file${summary.restored.length === 1 ? '' : 's'}.`];
  if (summary.left.length > 0) lines.push(`Left as they are: ${listed(summary.left.map((l) => `${l.path} (${l.reason})`))}.`);
  return lines.join('\n');
}
