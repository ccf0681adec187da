/**
 * @jest-environment jsdom
 *
 * The whole story on the example vault inside the Obsidian fake: notes are renamed in Obsidian, the
 * vault repair is previewed and applied, every reference then works, and undo brings back every byte.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { App } from 'obsidian';
import { REPAIR_STATE_FILE } from '../../src/core/repair/state';
import { RepairController } from '../../src/obsidian/repair/controller';
import { RepairStore } from '../../src/obsidian/repair/store';
import type { RepairPreviewOptions } from '../../src/ui/repairPreview';
import { settle } from './fakeVault';
import { liveServices } from './liveServices';

const VAULT = path.join(__dirname, '..', '..', 'example-vault');
const STATE = `.obsidian/plugins/principle-chain/${REPAIR_STATE_FILE}`;

function notesOf(directory: string, prefix = ''): [string, string][] {
  return readdirSync(directory).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return notesOf(full, `${prefix}${name}/`);
    return name.endsWith('.md') ? [[`${prefix}${name}`, readFileSync(full, 'utf8')] as [string, string]] : [];
  });
}

async function snapshot(app: App): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of app.vault.getMarkdownFiles()) out[file.path] = await app.vault.read(file);
  return out;
}

it('renamed notes and typos: preview, apply, every reference works, undo restores every byte', async () => {
  const app = new App();
  for (const [notePath, text] of notesOf(VAULT)) await app.vault.create(notePath, text);
  await app.vault.adapter.write(STATE, readFileSync(path.join(VAULT, STATE), 'utf8'));
  const services = await liveServices(app);
  services.settingsValue.renameHandling = 'never';
  const previews: RepairPreviewOptions[] = [];
  const controller = new RepairController({ app, services, store: new RepairStore(app.vault.adapter, STATE), preview: (o) => previews.push(o) });
  app.vault.on('rename', (file, oldPath) => void controller.onRename(file as never, oldPath));

  await app.vault.rename(app.vault.getFileByPath('202202031000 Trust grows from kept promises.md')!, '202202031000 Trust is built from kept promises.md');
  await services.indexed();
  await settle();
  const before = await snapshot(app);

  await controller.repairVault();
  const { plan } = previews[0];
  expect(await snapshot(app)).toStrictEqual(before);
  const kinds = plan.files.flatMap((f) => f.edits.map((e) => `${f.path}: ${e.kind} ${e.before} → ${e.after}`));
  expect(kinds).toStrictEqual([
    '202202031000 Trust is built from kept promises.md: stale-title Trust grows from kept promises → Trust is built from kept promises',
    '202202071515 Say no early rather than late.md: stale-link-target 202202031000 Trust grows from kept promises → 202202031000 Trust is built from kept promises',
    '202207151330 Leaders absorb discomfort for the team.md: stale-title Hire for potential → Hire for slope over intercept',
    '202208021000 Meetings need an owner and an end.md: broken-id 202201010900 → 202201100900',
    '202301020900 Team leadership map.md: stale-title Trust grows from kept promises → Trust is built from kept promises',
    '202301020900 Team leadership map.md: stale-link-target 202204011030 Hire for potential → 202204011030 Hire for slope over intercept',
  ]);

  previews[0].onApply([...plan.files]);
  await settle();
  await services.indexed();
  const after = await snapshot(app);
  expect(Object.keys(after).filter((p) => after[p] !== before[p]).sort()).toStrictEqual([...new Set(plan.files.map((f) => f.path))].sort());

  await controller.repairVault();
  const again = previews[1]?.plan;
  expect(again?.files ?? []).toStrictEqual([]);

  await controller.undoLast();
  expect(await snapshot(app)).toStrictEqual(before);
});
