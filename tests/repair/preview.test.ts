/** @jest-environment jsdom */
import { App } from 'obsidian';
import type { FileRepairPlan, RepairPlan } from '../../src/core/repair/types';
import { RepairPreviewModal } from '../../src/ui/repairPreview';

const plan: RepairPlan = {
  files: [
    {
      path: 'a.md',
      text: 'x 202108191025 Old, y\n[[202108191025 Old]]\n',
      edits: [
        { kind: 'stale-title', id: '202108191025', line: 1, from: 15, to: 18, before: 'Old', after: 'New <img src=x onerror=alert(1)>' },
        { kind: 'stale-link-target', id: '202108191025', line: 2, from: 24, to: 40, before: '202108191025 Old', after: '202108191025 New' },
      ],
    },
    { path: 'b.md', text: '202104291525 T', edits: [{ kind: 'broken-id', id: '202104291525', line: 1, from: 0, to: 12, before: '202104291525', after: '202104291524' }] },
  ],
  problems: [{ kind: 'duplicate-id', file: 'c.md', line: 1, id: '202203151000', message: '202203151000 is the ID of 2 notes: c.md, d.md' }],
};

function open() {
  const applied: FileRepairPlan[][] = [];
  const modal = new RepairPreviewModal(new App(), { title: 'Repair ID links in vault', plan, onApply: (files) => applied.push(files) });
  modal.open();
  const root = modal.contentEl;
  const boxes = () => [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith(text))!;
  const click = (el: HTMLInputElement) => {
    el.checked = !el.checked;
    el.dispatchEvent(new Event('change'));
  };
  return { modal, root, boxes, button, click, applied };
}

describe('the repair preview', () => {
  it('lists counts, every edit in its line, and the problems left; note text stays text', () => {
    const { root } = open();
    expect(root.querySelector('.pc-repair-summary')?.textContent).toBe('3 edits in 2 files: 1 stale link target, 1 stale title, 1 broken ID. Selected: 3.');
    expect([...root.querySelectorAll('.pc-repair-before')].map((e) => e.textContent)).toStrictEqual(['x 202108191025 Old, y', '[[202108191025 Old]]', '202104291525 T']);
    expect(root.querySelector('.pc-repair-after ins')?.textContent).toBe('New <img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect([...root.querySelectorAll('.pc-repair-file-header')].map((e) => e.textContent)).toStrictEqual(['a.md 2 of 2', 'b.md 1 of 1']);
    expect([...root.querySelectorAll('.pc-repair-edit label')].map((e) => e.textContent)).toStrictEqual(['stale titleline 1', 'stale link targetline 2', 'broken IDline 1']);
    expect(root.querySelector('.pc-repair-problems')?.textContent).toContain('c.md:1 — 202203151000 is the ID of 2 notes: c.md, d.md');
  });

  it('applies only ticked edits; a file box unticks all of its edits', () => {
    const { boxes, click, button, applied, modal } = open();
    // Boxes: a.md, its two edits, b.md, its edit.
    click(boxes()[2]);
    click(boxes()[3]);
    expect(boxes()[0].indeterminate).toBe(true);
    button('Apply').click();
    expect(applied).toHaveLength(1);
    expect(applied[0].map((f) => [f.path, f.edits.map((e) => e.kind)])).toStrictEqual([['a.md', ['stale-title']]]);
    expect((modal as unknown as { isOpen: boolean }).isOpen).toBe(false);
  });

  it('cannot apply when nothing is ticked, and Cancel writes nothing', () => {
    const { boxes, click, button, applied, modal } = open();
    click(boxes()[0]);
    click(boxes()[3]);
    expect((button('Apply')).disabled).toBe(true);
    button('Cancel').click();
    expect([applied, (modal as unknown as { isOpen: boolean }).isOpen]).toStrictEqual([[], false]);
  });

  it('shows each file box\'s state and count, takes edits back when ticked again, and names the count on Apply', () => {
    const { root, boxes, click, button, applied } = open();
    const state = () => [boxes()[0].checked, boxes()[0].indeterminate, root.querySelector('.pc-repair-count')?.textContent, button('Apply').textContent];
    expect(state()).toStrictEqual([true, false, ' 2 of 2', 'Apply 3 edits']);
    click(boxes()[1]);
    expect(state()).toStrictEqual([false, true, ' 1 of 2', 'Apply 2 edits']);
    click(boxes()[3]);
    expect(state()).toStrictEqual([false, true, ' 1 of 2', 'Apply 1 edit']);
    // A click on a box in its mixed state ticks it, as browsers do.
    click(boxes()[0]);
    expect(state()).toStrictEqual([true, false, ' 2 of 2', 'Apply 2 edits']);
    click(boxes()[0]);
    expect(state()).toStrictEqual([false, false, ' 0 of 2', 'Apply']);
    click(boxes()[0]);
    click(boxes()[4]);
    expect(state()).toStrictEqual([true, false, ' 2 of 2', 'Apply 3 edits']);
    button('Apply').click();
    expect(applied[0].map((f) => [f.path, f.edits.length])).toStrictEqual([['a.md', 2], ['b.md', 1]]);
  });

  it('shows a long plan fifty files at a time, and the first 200 problems with how many more there are', () => {
    const many = (n: number): FileRepairPlan[] => Array.from({ length: n }, (_, i) => ({ ...plan.files[1], path: `n${i}.md` }));
    const problems = Array.from({ length: 203 }, (_, i) => ({ ...plan.problems[0], line: i + 1 }));
    const modal = new RepairPreviewModal(new App(), { title: 't', plan: { files: many(120), problems }, onApply: () => undefined });
    modal.open();
    const root = modal.contentEl;
    const shown = () => root.querySelectorAll('.pc-repair-file').length;
    const more = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'));
    expect([shown(), more()?.textContent]).toStrictEqual([50, 'Show 50 more files (70 not shown)']);
    more()!.click();
    expect([shown(), more()?.textContent]).toStrictEqual([100, 'Show 20 more files (20 not shown)']);
    more()!.click();
    expect([shown(), more()]).toStrictEqual([120, undefined]);
    expect(root.querySelectorAll('.pc-repair-problems li').length).toBe(200);
    expect(root.querySelector('.pc-repair-problems summary')?.textContent).toBe('203 problems will not be fixed');
    expect(root.querySelector('.pc-repair-problems p')?.textContent).toBe('…and 3 more.');
    modal.close();
    expect(root.childElementCount).toBe(0);
    const exact = new RepairPreviewModal(new App(), { title: 't', plan: { files: many(50), problems: problems.slice(0, 200) }, onApply: () => undefined });
    exact.open();
    expect([exact.contentEl.querySelectorAll('.pc-repair-file').length, exact.contentEl.querySelector('button')?.textContent]).toStrictEqual([50, 'Apply 50 edits']);
    expect(exact.contentEl.querySelector('.pc-repair-problems p')).toBeNull();
  });

  it('speaks of one edit, one file and one problem in the singular, and shows no problems when there are none', () => {
    const one: RepairPlan = { files: [plan.files[1]], problems: [plan.problems[0]] };
    const modal = new RepairPreviewModal(new App(), { title: 't', plan: one, onApply: () => undefined });
    modal.open();
    const root = modal.contentEl;
    expect(root.querySelector('.pc-repair-summary')?.textContent).toBe('1 edit in 1 file: 1 broken ID. Selected: 1.');
    expect(root.querySelector('.pc-repair-problems summary')?.textContent).toBe('1 problem will not be fixed');
    expect(root.querySelector('.pc-repair-problems p')).toBeNull();
    const none = new RepairPreviewModal(new App(), { title: 't', plan: { files: [plan.files[1]], problems: [] }, onApply: () => undefined });
    none.open();
    expect(none.contentEl.querySelector('.pc-repair-problems')).toBeNull();
  });
});

