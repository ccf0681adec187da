import { DEFAULT_PACING } from '../../src/obsidian/pacing';

// Node, like Electron's renderer, has MessageChannel; the jsdom suites take the timeout fallback.
describe('the default yield through a message port', () => {
  it('comes back', async () => {
    expect(typeof MessageChannel).toBe('function');
    await expect(DEFAULT_PACING.yieldToEventLoop()).resolves.toBeUndefined();
  });
});
