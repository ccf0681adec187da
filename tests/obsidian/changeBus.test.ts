import { IndexChangeBus } from '../../src/obsidian/indexer/changeBus';
import type { IndexChange } from '../../src/core/types';

describe('IndexChangeBus', () => {
  it('tells every subscribed listener, and no longer one that unsubscribed', () => {
    const bus = new IndexChangeBus();
    const heard: string[] = [];
    const unsubscribe = bus.subscribe(() => heard.push('first'));
    bus.subscribe(() => heard.push('second'));
    bus.emit('all');
    unsubscribe();
    bus.emit('all');
    expect(heard).toStrictEqual(['first', 'second', 'second']);
  });

  it('keeps telling the others when a listener throws, and logs the failure', () => {
    const bus = new IndexChangeBus();
    const heard: IndexChange[] = [];
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      bus.subscribe(() => {
        throw new Error('broken view');
      });
      bus.subscribe((change) => heard.push(change));
      bus.emit('all');
      expect(heard).toStrictEqual(['all']);
      expect(logged).toHaveBeenCalledWith('Principle Chain: an index listener failed', expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  });

  it('sends IDs only when there are some, and a change as it is', () => {
    const bus = new IndexChangeBus();
    const heard: IndexChange[] = [];
    bus.subscribe((change) => heard.push(change));
    bus.emitIds(new Set());
    bus.emitChange(new Set());
    bus.emitIds(new Set(['202104291524']));
    bus.emitChange('all');
    expect(heard).toStrictEqual([new Set(['202104291524']), 'all']);
  });

  it('forgets every listener when cleared (unload)', () => {
    const bus = new IndexChangeBus();
    const heard: IndexChange[] = [];
    bus.subscribe((change) => heard.push(change));
    bus.clear();
    bus.emit('all');
    expect(heard).toStrictEqual([]);
  });
});
