import { readRepairState, parseRepairState, serializeRepairState } from '../../src/core/repair/state';
import { damagedCopyPath } from '../../src/core/pluginFolder';
import { RepairStore, type StateFiles } from '../../src/obsidian/repair/store';

function memoryFiles(initial: Record<string, string> = {}): StateFiles & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    exists: async (path) => files.has(path),
    read: async (path) => files.get(path) ?? '',
    write: async (path, data) => void files.set(path, data),
    rename: async (path, newPath) => {
      files.set(newPath, files.get(path) ?? '');
      files.delete(path);
    },
  };
}

const GOOD = serializeRepairState({ renameHistory: new Map([['202108191025', ['Old']]]), lastRun: { createdAt: 3, files: [] } });
const NOW = new Date('2024-05-06T07:08:09.010Z');
const PATH = 'p/repair.json';
const ASIDE = 'p/repair.json.damaged-2024-05-06T07-08-09-010Z';

describe('the repair state file', () => {
  it.each([
    ['', 'it is not valid JSON (cut short or damaged)'],
    ['not json', 'it is not valid JSON (cut short or damaged)'],
    [GOOD.slice(0, GOOD.length / 2), 'it is not valid JSON (cut short or damaged)'],
    ['[]', 'it does not hold a JSON object'],
    ['null', 'it does not hold a JSON object'],
    ['{"version": 2}', 'it has version 2, which this version of the plugin does not know'],
    ['{"renameHistory": 5}', 'part of the rename history is malformed'],
    ['{"renameHistory": {"202108191025": "Old"}}', 'part of the rename history is malformed'],
    ['{"renameHistory": {"202108191025": ["Old", 3]}}', 'part of the rename history is malformed'],
    ['{"lastRun": {"createdAt": "x"}}', 'the record of the last repair is malformed'],
    ['"text"', 'it does not hold a JSON object'],
    ['{"version": "1"}', 'it has version "1", which this version of the plugin does not know'],
    ['{"renameHistory": null}', 'part of the rename history is malformed'],
    ['{"renameHistory": [["202108191025", ["Old"]]]}', 'part of the rename history is malformed'],
    ['{"renameHistory": {"202108191025": [" "]}}', 'part of the rename history is malformed'],
    ['{"renameHistory": {"202108191025": ["Old", " "]}}', 'part of the rename history is malformed'],
    ['{"renameHistory": 5, "lastRun": []}', 'part of the rename history is malformed; the record of the last repair is malformed'],
  ])('names the damage of %j', (json, damage) => {
    expect(readRepairState(json).damage).toBe(damage);
  });

  it('uses nothing of a file of another version', () => {
    expect(readRepairState('{"version": 2, "renameHistory": {"202108191025": ["Old"]}}').state).toStrictEqual({ renameHistory: new Map(), lastRun: null });
  });

  it('writes a versioned file, keys in a fixed order, readable by people', () => {
    expect(GOOD).toBe('{\n  "version": 1,\n  "renameHistory": {\n    "202108191025": [\n      "Old"\n    ]\n  },\n  "lastRun": {\n    "createdAt": 3,\n    "files": []\n  }\n}');
  });

  it.each(['{}', '{"version": 1, "renameHistory": {}, "lastRun": null}', '{"renameHistory": {"202108191025": []}}', GOOD])('reads %j as undamaged', (json) => {
    expect(readRepairState(json).damage).toBeNull();
  });

  it('keeps what can be read of a partly damaged file', () => {
    const { state, damage } = readRepairState('{"renameHistory": {"202108191025": ["Old"], "202108191026": 7}, "lastRun": {"createdAt": 1, "files": []}}');
    expect(damage).toBe('part of the rename history is malformed');
    expect(state).toStrictEqual({ renameHistory: new Map([['202108191025', ['Old']]]), lastRun: { createdAt: 1, files: [] } });
  });

  it('round-trips history and the last run', () => {
    const state = { renameHistory: new Map([['202108191025', ['Old']]]), lastRun: { createdAt: 3, files: [] } };
    expect(parseRepairState(serializeRepairState(state))).toStrictEqual(state);
  });
});

describe('the store', () => {
  it('loads once, lazily, and writes what the state holds now', async () => {
    const files = memoryFiles({ [PATH]: serializeRepairState({ renameHistory: new Map([['1', ['A']]]), lastRun: null }) });
    let reads = 0;
    const counting = { ...files, read: async (path: string) => (reads++, files.read(path)) };
    const store = new RepairStore(counting, PATH, { warn: () => undefined });
    expect(reads).toBe(0);
    (await store.state()).renameHistory.set('2', ['B']);
    await store.save();
    expect(reads).toBe(1);
    expect(parseRepairState(files.files.get(PATH)!).renameHistory).toStrictEqual(new Map([['1', ['A']], ['2', ['B']]]));
  });

  it('reads a sound file where it is, with no warning and no copy kept aside', async () => {
    const files = memoryFiles({ [PATH]: GOOD });
    const warnings: string[] = [];
    const store = new RepairStore(files, PATH, { warn: (text) => void warnings.push(text) });
    expect((await store.state()).renameHistory).toStrictEqual(new Map([['202108191025', ['Old']]]));
    expect([warnings, [...files.files.keys()]]).toStrictEqual([[], [PATH]]);
  });

  it('reports a failed write and still performs later saves', async () => {
    const files = memoryFiles();
    let fail = true;
    const store = new RepairStore({ ...files, write: async (path, data) => { if (fail) throw new Error('read-only'); files.files.set(path, data); } }, PATH);
    await expect(store.save()).rejects.toThrow('read-only');
    fail = false;
    await store.save();
    expect(files.files.has(PATH)).toBe(true);
  });

  it.each(['', '{"renameHistory": {"202108191025": ["Old"]}, "lastRun": {"createdAt": "x"}}'])(
    'keeps a damaged file (%j) aside, says so, and saves afresh without losing what could be read',
    async (damaged) => {
      const files = memoryFiles({ [PATH]: damaged });
      const warnings: string[] = [];
      const store = new RepairStore(files, PATH, { warn: (m) => warnings.push(m), now: () => NOW });
      const state = await store.state();
      expect(files.files.get(ASIDE)).toBe(damaged);
      expect(warnings).toStrictEqual([expect.stringContaining(`It was kept as ${ASIDE}`) as string]);
      state.renameHistory.set('202201010000', ['New']);
      await store.save();
      expect(files.files.get(ASIDE)).toBe(damaged);
      const saved = readRepairState(files.files.get(PATH)!);
      expect(saved.damage).toBeNull();
      expect(saved.state.renameHistory.get('202201010000')).toStrictEqual(['New']);
      expect(saved.state.renameHistory.get('202108191025')).toStrictEqual(damaged === '' ? undefined : ['Old']);
    },
  );

  it('never overwrites a file it could not read, and says why when saving', async () => {
    const files = memoryFiles({ [PATH]: GOOD });
    const warnings: string[] = [];
    const store = new RepairStore({ ...files, read: async () => { throw new Error('EIO: i/o error'); } }, PATH, { warn: (m) => warnings.push(m) });
    expect((await store.state()).lastRun).toBeNull();
    expect(warnings).toStrictEqual([expect.stringContaining('could not be read (EIO: i/o error)') as string]);
    await expect(store.save()).rejects.toThrow(`${PATH} is not overwritten: it could not be read (EIO: i/o error)`);
    expect(files.files.get(PATH)).toBe(GOOD);
  });

  it('never overwrites a damaged file it could not keep aside', async () => {
    const files = memoryFiles({ [PATH]: 'garbage' });
    const warnings: string[] = [];
    const store = new RepairStore({ ...files, rename: async () => { throw new Error('EACCES'); } }, PATH, { warn: (m) => warnings.push(m) });
    await store.state();
    expect(warnings).toStrictEqual([expect.stringContaining('could not be kept aside (EACCES)') as string]);
    await expect(store.save()).rejects.toThrow('is not overwritten');
    expect(files.files.get(PATH)).toBe('garbage');
  });

  it('stamps the kept copy with a time a file name can hold', () => {
    expect(damagedCopyPath('a/repair.json', NOW)).toBe('a/repair.json.damaged-2024-05-06T07-08-09-010Z');
  });
});
