import { parseRepairState, serializeRepairState } from '../../src/core/repair/state';
import { RepairStore, type StateFiles } from '../../src/obsidian/repair/store';

function memoryFiles(initial: Record<string, string> = {}): StateFiles & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    exists: async (path) => files.has(path),
    read: async (path) => files.get(path) ?? '',
    write: async (path, data) => void files.set(path, data),
  };
}

describe('the repair state file', () => {
  it.each(['', 'not json', '[]', '{"renameHistory": 5, "lastRun": {"createdAt": "x"}}'])('reads %j as an empty state', (json) => {
    const state = parseRepairState(json);
    expect(state.renameHistory.size).toBe(0);
    expect(state.lastRun).toBeNull();
  });

  it('round-trips history and the last run', () => {
    const state = { renameHistory: new Map([['202108191025', ['Old']]]), lastRun: { createdAt: 3, files: [] } };
    expect(parseRepairState(serializeRepairState(state))).toEqual(state);
  });

  it('loads once, lazily, and writes what the state holds now', async () => {
    const files = memoryFiles({ 'p/repair.json': serializeRepairState({ renameHistory: new Map([['1', ['A']]]), lastRun: null }) });
    let reads = 0;
    const counting = { ...files, read: async (path: string) => (reads++, files.read(path)) };
    const store = new RepairStore(counting, 'p/repair.json');
    expect(reads).toBe(0);
    (await store.state()).renameHistory.set('2', ['B']);
    await store.save();
    expect(reads).toBe(1);
    expect(parseRepairState(files.files.get('p/repair.json')!).renameHistory).toEqual(new Map([['1', ['A']], ['2', ['B']]]));
  });

  it('reports a failed write and still performs later saves', async () => {
    const files = memoryFiles();
    let fail = true;
    const store = new RepairStore({ ...files, write: async (path, data) => { if (fail) throw new Error('read-only'); files.files.set(path, data); } }, 'p/repair.json');
    await expect(store.save()).rejects.toThrow('read-only');
    fail = false;
    await store.save();
    expect(files.files.has('p/repair.json')).toBe(true);
  });
});
