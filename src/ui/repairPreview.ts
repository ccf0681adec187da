/**
 * The repair preview: every planned edit with its line before and after, ticked by default; files
 * and edits can be unticked; problems the repair will not fix are listed. Nothing is written here:
 * Apply hands the ticked edits back to the caller.
 */
import { Modal, type App } from 'obsidian';
import { countByKind, describeCounts, editInContext, KIND_LABELS } from '../core/repair/render';
import type { FileRepairPlan, RepairEdit, RepairPlan } from '../core/repair/types';

/** Files rendered at first and added per "Show more", so a huge plan opens at once. */
const FILE_PAGE = 50;
/** Problems listed; the rest are counted, so a vault with thousands of them still opens at once. */
const PROBLEMS_SHOWN = 200;

export interface RepairPreviewOptions {
  readonly title: string;
  readonly plan: RepairPlan;
  /** Called with the ticked edits, per file, when the user applies. */
  onApply(files: FileRepairPlan[]): void;
}

export class RepairPreviewModal extends Modal {
  private readonly unticked = new Set<RepairEdit>();
  private shownFiles = FILE_PAGE;

  constructor(
    app: App,
    private readonly options: RepairPreviewOptions,
  ) {
    super(app);
  }

  onOpen(): void {
    this.setTitle(this.options.title);
    this.modalEl.addClass('pc-repair-modal');
    this.render();
  }

  onClose(): void {
    this.contentEl.empty();
  }

  /** The files with at least one ticked edit, each with only its ticked edits. */
  selection(): FileRepairPlan[] {
    return this.options.plan.files
      .map((file) => ({ ...file, edits: file.edits.filter((e) => !this.unticked.has(e)) }))
      .filter((file) => file.edits.length > 0);
  }

  private render(): void {
    const { plan } = this.options;
    const root = this.contentEl;
    root.empty();
    const all = plan.files.flatMap((f) => f.edits);
    const chosen = this.selection().flatMap((f) => f.edits);
    root.createEl('p', {
      cls: 'pc-repair-summary',
      text: `${all.length} edit${all.length === 1 ? '' : 's'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}: ${describeCounts(countByKind(all))}. Selected: ${chosen.length}.`,
    });
    if (plan.problems.length > 0) this.renderProblems(root);
    const list = root.createDiv('pc-repair-files');
    for (const file of plan.files.slice(0, this.shownFiles)) this.renderFile(list, file);
    const hidden = plan.files.length - this.shownFiles;
    if (hidden > 0) {
      const more = root.createEl('button', { text: `Show ${Math.min(hidden, FILE_PAGE)} more files (${hidden} not shown)` });
      more.addEventListener('click', () => {
        this.shownFiles += FILE_PAGE;
        this.render();
      });
    }
    const buttons = root.createDiv('modal-button-container');
    const apply = buttons.createEl('button', { cls: 'mod-cta', text: chosen.length === 0 ? 'Apply' : `Apply ${chosen.length} edit${chosen.length === 1 ? '' : 's'}` });
    apply.disabled = chosen.length === 0;
    apply.addEventListener('click', () => {
      const files = this.selection();
      this.close();
      this.options.onApply(files);
    });
    buttons.createEl('button', { text: 'Cancel' }).addEventListener('click', () => this.close());
  }

  private renderProblems(root: HTMLElement): void {
    const { problems } = this.options.plan;
    const details = root.createEl('details', { cls: 'pc-repair-problems' });
    details.createEl('summary', { text: `${problems.length} problem${problems.length === 1 ? '' : 's'} will not be fixed` });
    const list = details.createEl('ul');
    for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
      const item = list.createEl('li');
      item.createSpan({ cls: 'pc-repair-path', text: `${problem.file}:${problem.line}` });
      item.appendText(` — ${problem.message}`);
    }
    if (problems.length > PROBLEMS_SHOWN) {
      details.createEl('p', { text: `…and ${problems.length - PROBLEMS_SHOWN} more.` });
    }
  }

  private renderFile(parent: HTMLElement, file: FileRepairPlan): void {
    const ticked = file.edits.filter((e) => !this.unticked.has(e)).length;
    const section = parent.createDiv('pc-repair-file');
    const header = section.createEl('label', { cls: 'pc-repair-file-header' });
    const box = header.createEl('input', { type: 'checkbox' });
    box.checked = ticked === file.edits.length;
    box.indeterminate = ticked > 0 && ticked < file.edits.length;
    box.addEventListener('change', () => {
      for (const edit of file.edits) {
        if (box.checked) this.unticked.delete(edit);
        else this.unticked.add(edit);
      }
      this.render();
    });
    header.createSpan({ cls: 'pc-repair-path', text: file.path });
    header.createSpan({ cls: 'pc-repair-count', text: ` ${ticked} of ${file.edits.length}` });
    const list = section.createEl('ul', { cls: 'pc-repair-edits' });
    for (const edit of file.edits) this.renderEdit(list, file, edit);
  }

  private renderEdit(list: HTMLElement, file: FileRepairPlan, edit: RepairEdit): void {
    const item = list.createEl('li', { cls: 'pc-repair-edit' });
    const label = item.createEl('label');
    const box = label.createEl('input', { type: 'checkbox' });
    box.checked = !this.unticked.has(edit);
    box.addEventListener('change', () => {
      if (box.checked) this.unticked.delete(edit);
      else this.unticked.add(edit);
      this.render();
    });
    label.createSpan({ cls: `pc-repair-kind is-${edit.kind}`, text: KIND_LABELS[edit.kind] });
    label.createSpan({ cls: 'pc-repair-line', text: `line ${edit.line}` });
    const shown = editInContext(file.text, edit);
    const before = item.createDiv('pc-repair-before');
    before.appendText(shown.prefix);
    before.createEl('del', { text: shown.before });
    before.appendText(shown.suffix);
    const after = item.createDiv('pc-repair-after');
    after.appendText(shown.prefix);
    after.createEl('ins', { text: shown.after });
    after.appendText(shown.suffix);
  }
}
