/** @jest-environment jsdom */
/**
 * The plugin's vault repair with the indexer's index at hand: it reads only the notes the index
 * cannot rule out, and previews exactly the plan it would make reading every note. A note open in
 * an editor (its text may be ahead of the index) and an index still being built are never trusted.
 */
import { App, Plugin } from 'obsidian';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { IdIndex } from '../../src/core/index/idIndex';
import { NoteScanner } from '../../src/core/index/scannedNote';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RepairPreviewOptions } from '../../src/ui/repairPreview';
import { RepairController, type IndexedNotes } from '../../src/obsidian/repair/controller';
import { indexedNotes, registerRepair } from '../../src/obsidian/repair/register';
import { RepairStore } from '../../src/obsidian/repair/store';
import { FakeEditor, openInEditor } from './fakeVault';
import { liveServices } from './liveServices';

const FILES: Record<string, string> = {
  '202108191025 Teams exist for a reason.md': 'Nothing to repair here.\n',
  '202104291524 Execution is the priority of the team.md': 'Builds on 202108191025 Teams exist for a reason.\n',
  'fine.md': 'See [[202108191025 Teams exist for a reason]] and 202104291524.\n',
  'stale.md': 'See [[202108191025 Teams exist]].\n',
  'broken.md': 'As 202104291526 Execution is the priority of the team says.\n',
  'plain.md': 'No IDs at all.\n',
};
const STATE = '.obsidian/plugins/principle-chain/repair.json';

/** The index the indexer would hold for the vault as it is now. */
async function indexOfVault(app: App): Promise<IdIndex> {
  const options = { format: TWELVE_DIGIT, ownIdSources: DEFAULT_SETTINGS.ownIdSources, frontmatterKey: DEFAULT_SETTINGS.frontmatterKey };
  const index = new IdIndex({ format: TWELVE_DIGIT });
  const scanner = new NoteScanner(options);
  for (const file of app.vault.getMarkdownFiles()) index.put(scanner.scan(file.path, await app.vault.read(file)));
  return index;
}

async function planned(indexedFor?: (app: App) => Promise<IndexedNotes>, before?: (app: App) => Promise<void>): Promise<{ options: RepairPreviewOptions; reads: number }> {
  const app = new App();
  for (const [path, text] of Object.entries(FILES)) await app.vault.create(path, text);
  await before?.(app);
  const services = await liveServices(app);
  const previews: RepairPreviewOptions[] = [];
  const indexed = indexedFor === undefined ? undefined : await indexedFor(app);
  const controller = new RepairController({ app, services, store: new RepairStore(app.vault.adapter, STATE), preview: (o) => previews.push(o), ...(indexed ? { indexed } : {}) });
  const vault = app.vault as unknown as { reads: number };
  const readsBefore = vault.reads;
  await controller.repairVault();
  expect(previews).toHaveLength(1);
  return { options: previews[0], reads: vault.reads - readsBefore };
}

const current = (answer: boolean) => async (app: App): Promise<IndexedNotes> => ({ index: await indexOfVault(app), current: async () => answer });

describe('the vault repair with the index at hand', () => {
  it('previews the same plan, reading only the notes the index cannot rule out', async () => {
    const everyNote = await planned();
    const screened = await planned(current(true));
    expect(JSON.stringify(screened.options.plan)).toBe(JSON.stringify(everyNote.options.plan));
    expect(everyNote.options.plan.files.map((f) => f.path)).toStrictEqual(['broken.md', 'stale.md']);
    expect(everyNote.reads).toBe(Object.keys(FILES).length);
    // fine.md and stale.md (links to look at) and broken.md; not the notes with nothing to repair.
    expect(screened.reads).toBe(3);
  });

  it('reads every note while the index is still being built', async () => {
    const building = await planned(current(false));
    expect(building.reads).toBe(Object.keys(FILES).length);
  });

  it('plans a note open in an editor from the editor, whatever the index says of the file', async () => {
    const typed = 'Typed just now: 202104291526 Execution is the priority of the team.\n';
    const openPlain = (app: App) => openInEditor(app, 'plain.md', new FakeEditor(typed, 0));
    const everyNote = await planned(undefined, openPlain);
    const screened = await planned(current(true), openPlain);
    expect(screened.options.plan.files.map((f) => f.path)).toContain('plain.md');
    expect(JSON.stringify(screened.options.plan)).toBe(JSON.stringify(everyNote.options.plan));
  });
});

describe('when the indexer vouches for its index', () => {
  const indexer = (indexing: boolean[]) => {
    const waits: number[] = [];
    return {
      waits,
      index: new IdIndex({ format: TWELVE_DIGIT }),
      get indexing() {
        return indexing.shift() ?? false;
      },
      whenIdle: async () => void waits.push(1),
    };
  };

  it('after every pending update is applied, and never while a build runs', async () => {
    const idle = indexer([false, false]);
    expect(await indexedNotes(idle).current()).toBe(true);
    expect(idle.waits).toHaveLength(1);
    const building = indexer([true]);
    expect(await indexedNotes(building).current()).toBe(false);
    expect(building.waits).toHaveLength(0);
    const rebuiltMeanwhile = indexer([false, true]);
    expect(await indexedNotes(rebuiltMeanwhile).current()).toBe(false);
  });
});

describe('the vault repair as the plugin registers it', () => {
  it("with the indexer given, reads only the notes the indexer's index cannot rule out", async () => {
    const app = new App();
    for (const [path, text] of Object.entries(FILES)) await app.vault.create(path, text);
    const services = await liveServices(app);
    const plugin = new (class extends Plugin {})(app, { id: 'principle-chain', name: 'Principle Chain', version: '0', minAppVersion: '1', author: '', description: '' });
    const controller = registerRepair(plugin, services, { index: await indexOfVault(app), indexing: false, whenIdle: async () => undefined });
    const vault = app.vault as unknown as { reads: number };
    const readsBefore = vault.reads;
    const dialogsBefore = document.body.childElementCount;
    await controller.repairVault();
    expect(vault.reads - readsBefore).toBe(3);
    // No preview was supplied, so the plugin's own dialog opened.
    expect(document.body.childElementCount).toBe(dialogsBefore + 1);
    document.body.lastElementChild?.remove();
  });
});
