/** @jest-environment jsdom */
/**
 * The chain view's scroll anchor with a laid-out page modelled by hand (jsdom has no layout): each
 * entry's row sits at a position in the content, and the scroller shows the content from scrollTop.
 */
import '../mocks/dom';
import type { RenderedChain } from '../../src/ui/chain/render';
import { ANCHOR_FRAMES, keepAnchor, keepAnchorWhileDrawn, topEntry } from '../../src/ui/chain/scrollAnchor';

const SCROLLER_TOP = 100;

/** A scroller over entries whose rows are `heights` tall, one under another; `layout` can be changed to move them. */
function page(heights: number[]) {
  const layout = { heights: [...heights] };
  const scroller = document.body.createDiv();
  let scrollTop = 0;
  Object.defineProperty(scroller, 'scrollTop', { get: () => scrollTop, set: (value: number) => (scrollTop = Math.max(0, value)) });
  scroller.getBoundingClientRect = () => ({ top: SCROLLER_TOP }) as DOMRect;
  const elements = new Map<string, HTMLElement>();
  heights.forEach((_, n) => {
    const item = scroller.createDiv({ cls: 'pc-chain-item' });
    const row = item.createDiv({ cls: 'pc-chain-row' });
    row.getBoundingClientRect = () => {
      const top = layout.heights.slice(0, n).reduce((sum, h) => sum + h, 0) - scrollTop + SCROLLER_TOP;
      return { top, bottom: top + layout.heights[n], height: layout.heights[n] } as DOMRect;
    };
    elements.set(`entry ${n}`, item);
  });
  const rendered = { elements } as unknown as RenderedChain;
  const offsetOf = (key: string) => (elements.get(key)?.firstElementChild?.getBoundingClientRect().top ?? NaN) - SCROLLER_TOP;
  return { scroller, rendered, layout, offsetOf, scrollTo: (top: number) => (scrollTop = top) };
}

/** requestAnimationFrame with a queue the test runs one frame at a time. */
function frameQueue() {
  let queue: FrameRequestCallback[] = [];
  return {
    view: { requestAnimationFrame: (callback: FrameRequestCallback) => (queue.push(callback), queue.length) },
    pending: () => queue.length,
    runFrame: () => {
      const now = queue;
      queue = [];
      for (const callback of now) callback(0);
    },
  };
}

describe('topEntry', () => {
  it('is the entry whose row reaches below the top, however far above it starts', () => {
    const p = page([40, 40, 40, 40, 40, 40]);
    p.scrollTo(95);
    expect(topEntry(p.rendered, p.scroller)).toStrictEqual({ key: 'entry 2', offset: -15 });
    p.scrollTo(80);
    expect(topEntry(p.rendered, p.scroller)).toStrictEqual({ key: 'entry 2', offset: 0 });
  });

  it('is nothing at the top of the view, where the offset alone keeps the place', () => {
    const p = page([40, 40, 40]);
    expect(topEntry(p.rendered, p.scroller)).toBeNull();
  });

  it('looks at every entry, in whatever order they were drawn, and passes over rows not laid out', () => {
    const p = page([40, 0, 40, 40, 40]);
    const entries = [...p.rendered.elements].reverse();
    p.rendered.elements.clear();
    for (const [key, el] of entries) p.rendered.elements.set(key, el);
    p.scrollTo(40);
    expect(topEntry(p.rendered, p.scroller)).toStrictEqual({ key: 'entry 2', offset: 0 });
  });
});

describe('a "show more" entry', () => {
  it('is its own row: it can be the top entry, and keeps its place', () => {
    const p = page([40, 40]);
    const more = p.scroller.createDiv({ cls: 'pc-chain-more', text: 'Show 10 more' });
    const height = { before: 80 };
    more.getBoundingClientRect = () => {
      const top = height.before - p.scroller.scrollTop + SCROLLER_TOP;
      return { top, bottom: top + 30, height: 30 } as DOMRect;
    };
    p.rendered.elements.set('out\u001fmore', more);
    p.scrollTo(90);
    const anchor = topEntry(p.rendered, p.scroller);
    expect(anchor).toStrictEqual({ key: 'out\u001fmore', offset: -10 });
    height.before = 120;
    keepAnchor(p.rendered, p.scroller, anchor);
    expect(p.scroller.scrollTop).toBe(130);
  });
});

describe('keepAnchor', () => {
  it('scrolls so the entry starts as far below the top as before, after what is above it changed height', () => {
    const p = page([40, 40, 40, 40, 40, 40]);
    p.scrollTo(130);
    const anchor = topEntry(p.rendered, p.scroller);
    expect(anchor).toStrictEqual({ key: 'entry 3', offset: -10 });
    p.layout.heights[0] = 95;
    p.layout.heights[1] = 12;
    keepAnchor(p.rendered, p.scroller, anchor);
    expect(p.offsetOf('entry 3')).toBe(-10);
    expect(p.scroller.scrollTop).toBe(157);
  });

  it('leaves the scroll alone for an entry no longer drawn, or no anchor', () => {
    const p = page([40, 40]);
    p.scrollTo(30);
    keepAnchor(p.rendered, p.scroller, { key: 'gone', offset: 5 });
    keepAnchor(p.rendered, p.scroller, null);
    expect(p.scroller.scrollTop).toBe(30);
  });
});

describe('keepAnchorWhileDrawn', () => {
  it('keeps the entry in place as rows take their own height over the next frames, then stops', () => {
    const p = page([30, 30, 30, 30, 30, 30, 30, 30]);
    const frames = frameQueue();
    p.scrollTo(95);
    const anchor = topEntry(p.rendered, p.scroller);
    keepAnchorWhileDrawn(p.rendered, p.scroller, anchor, frames.view, () => true);
    for (let frame = 0; frame < ANCHOR_FRAMES; frame++) {
      // A row above, on screen at the top, is drawn at its own height this frame.
      p.layout.heights[2] += 7;
      frames.runFrame();
      expect(p.offsetOf(anchor?.key ?? '')).toBe(anchor?.offset);
    }
    expect(frames.pending()).toBe(0);
    p.layout.heights[2] += 7;
    frames.runFrame();
    expect(p.offsetOf(anchor?.key ?? '')).toBe((anchor?.offset ?? 0) + 7);
  });

  it('stops when the reader scrolls (a wheel, touch, click or key in the view)', () => {
    for (const input of ['wheel', 'touchstart', 'pointerdown', 'keydown']) {
      const p = page([30, 30, 30, 30, 30, 30]);
      const frames = frameQueue();
      p.scrollTo(65);
      keepAnchorWhileDrawn(p.rendered, p.scroller, topEntry(p.rendered, p.scroller), frames.view, () => true);
      p.scroller.dispatchEvent(new Event(input));
      p.scrollTo(10);
      frames.runFrame();
      expect({ input, scrollTop: p.scroller.scrollTop, pending: frames.pending() }).toStrictEqual({ input, scrollTop: 10, pending: 0 });
    }
  });

  it('sees the reader act on an entry whose own handler stops the event, and passively', () => {
    const p = page([30, 30, 30, 30, 30, 30]);
    const frames = frameQueue();
    p.scrollTo(65);
    const added: AddEventListenerOptions[] = [];
    const add = p.scroller.addEventListener.bind(p.scroller);
    p.scroller.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      added.push(options ?? {});
      add(type, listener, options);
    }) as typeof p.scroller.addEventListener;
    keepAnchorWhileDrawn(p.rendered, p.scroller, topEntry(p.rendered, p.scroller), frames.view, () => true);
    // Passive: a wheel or touch listener that could cancel would hold up scrolling.
    expect(added.every((options) => options.passive === true)).toBe(true);
    const entry = p.scroller.querySelector('.pc-chain-row')!;
    entry.addEventListener('keydown', (evt) => evt.stopPropagation());
    entry.dispatchEvent(new Event('keydown', { bubbles: true }));
    p.scrollTo(10);
    frames.runFrame();
    expect([p.scroller.scrollTop, frames.pending()]).toStrictEqual([10, 0]);
  });

  it('leaves no listener on the view once it stops', () => {
    const p = page([30, 30, 30, 30, 30, 30]);
    const frames = frameQueue();
    p.scrollTo(65);
    const listening = new Map<string, number>();
    const capture = (options?: boolean | EventListenerOptions): boolean => (typeof options === 'boolean' ? options : options?.capture === true);
    const add = p.scroller.addEventListener.bind(p.scroller);
    const remove = p.scroller.removeEventListener.bind(p.scroller);
    p.scroller.addEventListener = ((type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => {
      const name = `${type} ${capture(options)}`;
      listening.set(name, (listening.get(name) ?? 0) + 1);
      add(type, listener, options);
    }) as typeof p.scroller.addEventListener;
    p.scroller.removeEventListener = ((type: string, listener: EventListener, options?: boolean | EventListenerOptions) => {
      const name = `${type} ${capture(options)}`;
      listening.set(name, (listening.get(name) ?? 0) - 1);
      remove(type, listener, options);
    }) as typeof p.scroller.removeEventListener;
    keepAnchorWhileDrawn(p.rendered, p.scroller, topEntry(p.rendered, p.scroller), frames.view, () => true);
    for (let frame = 0; frame < ANCHOR_FRAMES; frame++) frames.runFrame();
    expect(frames.pending()).toBe(0);
    expect([...listening.values()].every((count) => count === 0)).toBe(true);
  });

  it('stops once the view was drawn again', () => {
    const p = page([30, 30, 30, 30, 30, 30]);
    const frames = frameQueue();
    p.scrollTo(65);
    let current = true;
    keepAnchorWhileDrawn(p.rendered, p.scroller, topEntry(p.rendered, p.scroller), frames.view, () => current);
    current = false;
    p.layout.heights[0] += 50;
    frames.runFrame();
    expect(p.scroller.scrollTop).toBe(65);
    expect(frames.pending()).toBe(0);
  });

  it('does nothing without an anchor', () => {
    const p = page([30, 30]);
    const frames = frameQueue();
    keepAnchorWhileDrawn(p.rendered, p.scroller, null, frames.view, () => true);
    expect(frames.pending()).toBe(0);
  });
});
