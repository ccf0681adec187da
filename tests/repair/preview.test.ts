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
    const { boxes, click, button, applied } = open();
    click(boxes()[0]);
    click(boxes()[3]);
    expect((button('Apply')).disabled).toBe(true);
    button('Cancel').click();
    expect(applied).toStrictEqual([]);
  });
});
