/** A repair controller over the Obsidian fake's vault with a live index, as the controller's tests drive it. */
import { App, type TFile } from 'obsidian';
import type { RepairPreviewOptions } from '../../src/ui/repairPreview';
import { RepairController } from '../../src/obsidian/repair/controller';
import { RepairStore } from '../../src/obsidian/repair/store';
import { settle } from './fakeVault';
import { liveServices, type LiveServices } from './liveServices';

export const OLD = '202108191025 Teams exist.md';
export const NEW = '202108191025 Teams exist for a reason.md';
export const SOURCES: Record<string, string> = {
  'a.md': 'We act because 202108191025 Teams exist.\n',
  'b.md': 'See [[202108191025 Teams exist]] and 202104291525 Execution is the priority of the team.\n',
  'c.md': '```\n202108191025 Teams exist\n```\n',
};
export const STATE = '.obsidian/plugins/principle-chain/repair.json';

export async function setUp(files: Record<string, string> = { [OLD]: '', '202104291524 Execution is the priority of the team.md': '', ...SOURCES }, recordSaveMs?: number) {
  const app = new App();
  for (const [path, text] of Object.entries(files)) await app.vault.create(path, text);
  const services = await liveServices(app);
  const previews: RepairPreviewOptions[] = [];
  const controller = new RepairController({
    app,
    services,
    store: new RepairStore(app.vault.adapter, STATE),
    preview: (options) => previews.push(options),
    recordSaveMs,
  });
  app.vault.on('rename', (file, oldPath) => void controller.onRename(file as TFile, oldPath));
  let writes = 0;
  const process = app.vault.process.bind(app.vault);
  app.vault.process = (file, fn) => {
    writes++;
    return process(file, fn);
  };
  return { app, services, controller, previews, writes: () => writes };
}

export interface StoredState {
  renameHistory: Record<string, string[]>;
  lastRun: { files: { path: string }[] } | null;
}
export const storedState = async (app: App) => JSON.parse(await app.vault.adapter.read(STATE)) as StoredState;

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `stop` as the first note starts being written, then writes on. */
export function onFirstWrite(app: App, stop: () => void): void {
  const process = app.vault.process.bind(app.vault);
  let stopped = false;
  app.vault.process = (file, fn) => {
    if (!stopped) stop();
    stopped = true;
    return process(file, fn);
  };
}

export async function renameAndSettle(app: App, services: LiveServices, from: string, to: string) {
  await app.vault.rename(app.vault.getFileByPath(from)!, to);
  await services.indexed();
  await wait(600);
  await settle();
}
