/**
 * The runtime-free part of the Obsidian fake: events, components, files, keymap and small helpers.
 * Semantics follow obsidian 1.13.1's declarations (d.ts) and documented behaviour; where a behaviour
 * models Obsidian's internals, a comment says where it comes from, or "unknown".
 */
import { StateField } from '@codemirror/state';
import type * as obsidian from 'obsidian';
import { parse as parseYamlText } from 'yaml';
import '../dom';

/** Fake only: installs Obsidian's DOM helpers in another window (a pop-out, in tests an iframe). */
export { installDomHelpers } from '../dom';

/** A registered listener; the fake's EventRef. */
export interface FakeEventRef extends obsidian.EventRef {
  events: Events;
  name: string;
  callback: (...data: unknown[]) => unknown;
  ctx: unknown;
}

export class Events {
  private listeners = new Map<string, FakeEventRef[]>();

  on(name: string, callback: (...data: unknown[]) => unknown, ctx?: unknown): obsidian.EventRef {
    const ref: FakeEventRef = { events: this, name, callback, ctx };
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), ref]);
    return ref;
  }

  off(name: string, callback: (...data: unknown[]) => unknown): void {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((ref) => ref.callback !== callback));
  }

  offref(ref: obsidian.EventRef): void {
    const fake = ref as FakeEventRef;
    this.listeners.set(fake.name, (this.listeners.get(fake.name) ?? []).filter((r) => r !== fake));
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of this.listeners.get(name) ?? []) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: obsidian.EventRef, args: unknown[]): void {
    const ref = evt as FakeEventRef;
    try {
      ref.callback.apply(ref.ctx, args);
    } catch (error) {
      // Unknown whether Obsidian carries on after a throwing listener; the plugin's listeners do not
      // throw (the indexer catches around each of its own), so either way is fine.
      console.error(error);
    }
  }

  /** Fake only: how many listeners are registered for an event, or for all events (to test cleanup). */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.listeners.get(name)?.length ?? 0;
    let total = 0;
    for (const refs of this.listeners.values()) total += refs.length;
    return total;
  }
}

/** d.ts Component: load() loads children after onload; unload() unloads children, runs registered cleanups, then onunload. */
export class Component {
  private loaded = false;
  private children: Component[] = [];
  private cleanups: (() => unknown)[] = [];

  private loading: Promise<void> = Promise.resolve();

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.loading = Promise.resolve(this.onload());
    for (const child of this.children) child.load();
  }

  onload(): void | Promise<void> {}

  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const child of this.children.splice(0).reverse()) child.unload();
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends obsidian.Component>(component: T): T {
    this.children.push(component as unknown as Component);
    if (this.loaded) component.load();
    return component;
  }

  removeChild<T extends obsidian.Component>(component: T): T {
    const at = this.children.indexOf(component as unknown as Component);
    if (at >= 0) {
      this.children.splice(at, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }

  registerEvent(eventRef: obsidian.EventRef): void {
    this.register(() => (eventRef as FakeEventRef).events.offref(eventRef));
  }

  registerDomEvent(
    el: Window | Document | HTMLElement,
    type: string,
    callback: (this: HTMLElement, ev: Event) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }

  /** Fake only: settles when an async onload() started by load() has finished (rejects if it threw). */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Fake only: whether load() ran and unload() has not. */
  get isLoaded(): boolean {
    return this.loaded;
  }
}

function splitPath(path: string): { name: string; basename: string; extension: string } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { name, basename: name.slice(0, dot), extension: name.slice(dot + 1) } : { name, basename: name, extension: '' };
}

export abstract class TAbstractFile {
  vault!: obsidian.Vault;
  path = '';
  name = '';
  parent: TFolder | null = null;

  /** Fake only (Obsidian has an internal equivalent): moves the file and recomputes its names. */
  setPath(path: string): void {
    this.path = path;
    this.name = splitPath(path).name;
  }
}

export class TFile extends TAbstractFile {
  stat: obsidian.FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = '';
  extension = '';

  setPath(path: string): void {
    super.setPath(path);
    const parts = splitPath(path);
    this.basename = parts.basename;
    this.extension = parts.extension;
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === '/';
  }
}

/** Fake only: load() a component (a plugin, a view) and wait for its async onload to finish. */
export async function loadAndWait(component: obsidian.Component): Promise<void> {
  component.load();
  await (component as unknown as Component).whenLoaded();
}

/** Fake only: a TFile at a path, outside any vault (for tests that need just a file object). */
export function fakeFile(path: string, stat: Partial<obsidian.FileStats> = {}): TFile {
  const file = new TFile();
  file.setPath(path);
  file.stat = { ctime: 0, mtime: 0, size: 0, ...stat };
  return file;
}

/**
 * d.ts apiVersion: the version of Obsidian's API the app provides; here the typings' version unless
 * a test plays an older app (setFakeApiVersion).
 */
export let apiVersion = '1.13.1';

/** Fake only: play another app version (e.g. '1.7.2', the plugin's minAppVersion). */
export function setFakeApiVersion(version: string): void {
  apiVersion = version;
}

/** d.ts requireApiVersion: true when the app's version is "equal or higher" than `version`. */
export function requireApiVersion(version: string): boolean {
  const have = apiVersion.split('.').map(Number);
  const want = version.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const difference = (have[i] ?? 0) - (want[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** d.ts Platform. Mutable so a test can play a platform; defaults describe desktop Linux. */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://local/',
};

export class Scope {
  /** Fake only: the registered key handlers, for tests to find and call. */
  handlers: (obsidian.KeymapEventHandler & { func: obsidian.KeymapEventListener })[] = [];

  constructor(public parent?: Scope) {}

  register(modifiers: obsidian.Modifier[] | null, key: string | null, func: obsidian.KeymapEventListener): obsidian.KeymapEventHandler {
    const handler = { scope: this as unknown as obsidian.Scope, modifiers: modifiers?.join(',') ?? null, key, func };
    this.handlers.push(handler);
    return handler;
  }

  unregister(handler: obsidian.KeymapEventHandler): void {
    this.handlers = this.handlers.filter((h) => h !== handler);
  }
}

export class Keymap {
  pushScope(): void {}
  popScope(): void {}

  /** 'Mod' is Cmd on macOS and Ctrl elsewhere, as in Obsidian. */
  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: obsidian.Modifier): boolean {
    switch (modifier) {
      case 'Mod':
        return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
      case 'Ctrl':
        return evt.ctrlKey;
      case 'Meta':
        return evt.metaKey;
      case 'Shift':
        return evt.shiftKey;
      case 'Alt':
        return evt.altKey;
    }
  }

  /**
   * 'tab' for Mod or a middle click, 'split' for Mod+Alt, 'window' for Mod+Alt+Shift, else false
   * (the documented contract of Keymap.isModEvent in d.ts).
   */
  static isModEvent(evt?: obsidian.UserEvent | null): obsidian.PaneType | boolean {
    if (!evt) return false;
    // Duck-typed: an event from a pop-out window is no instance of this window's MouseEvent.
    const middleClick = evt.type !== 'keydown' && 'button' in evt && evt.button === 1;
    if (!Keymap.isModifier(evt, 'Mod') && !middleClick) return false;
    if (evt.altKey) return evt.shiftKey ? 'window' : 'split';
    return 'tab';
  }
}

/**
 * Obsidian's getAllTags: "Combines all tags from frontmatter and note content into a single array"
 * (obsidian.d.ts). Body tags carry their '#'; frontmatter `tags` (a list or a comma/space-separated
 * string) get one, as Obsidian shows them. Whether the real one returns null or [] when there are
 * none is unknown: callers handle both.
 */
export function getAllTags(cache: obsidian.CachedMetadata): string[] | null {
  const raw: unknown = cache.frontmatter?.tags ?? cache.frontmatter?.tag;
  const listed = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[,\s]+/) : [];
  const fromFrontmatter = listed.filter((tag) => tag !== '').map((tag) => (tag.startsWith('#') ? tag : `#${tag}`));
  return [...fromFrontmatter, ...(cache.tags ?? []).map((tag) => tag.tag)];
}

/**
 * Obsidian's parseYaml (obsidian.d.ts). It is the `yaml` package's parse: plugins calling it on
 * broken YAML report that package's `YAMLParseError` (bartkessels/daily-note-calendar#63), so the
 * fake uses the same parser and throws the same way.
 */
export function parseYaml(yaml: string): unknown {
  return parseYamlText(yaml) as unknown;
}

/** Obsidian's normalizePath (d.ts): one forward slash between parts, none at the ends, NFC. */
export function normalizePath(path: string): string {
  let normalized = path.replace(/[\\/]+/g, '/').replace(/^\/+|\/+$/g, '');
  if (normalized === '') normalized = '/';
  return normalized.replace(/\u00A0|\u202F/g, ' ').normalize('NFC');
}

// d.ts debounce: runs once `timeout` ms after the first call (after the last with resetTimer).
export function debounce<T extends unknown[], V>(
  cb: (...args: [...T]) => V,
  timeout = 0,
  resetTimer = false,
): obsidian.Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: T | null = null;
  const fire = (): V | void => {
    timer = null;
    if (pending === null) return;
    const args = pending;
    pending = null;
    return cb(...args);
  };
  const debounced = ((...args: T) => {
    pending = args;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = setTimeout(fire, timeout);
    return debounced;
  }) as obsidian.Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer !== null) clearTimeout(timer);
    return fire();
  };
  return debounced;
}

/** Marks the element with the icon id (the fake draws no SVG paths). */
export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.empty();
  parent.setAttr('data-icon', iconId);
  parent.createSvg('svg', { cls: ['svg-icon', `lucide-${iconId}`] });
}

/** Obsidian shows tooltips from aria-label (developer docs, "Accessibility"; d.ts setTooltip). */
export function setTooltip(el: HTMLElement, tooltip: string, options?: obsidian.TooltipOptions): void {
  el.setAttr('aria-label', tooltip);
  if (options?.placement) el.setAttr('data-tooltip-position', options.placement);
}

/**
 * Real StateFields (d.ts: editorInfoField, editorLivePreviewField) so editor tests can provide them
 * with `.init(...)`. Without a provided value there is no file, and the editor is in Source mode
 * (tests name the mode they mean).
 */
export const editorInfoField = StateField.define<obsidian.MarkdownFileInfo>({
  create: () => ({ file: null, hoverPopover: null }) as unknown as obsidian.MarkdownFileInfo,
  update: (value) => value,
});

export const editorLivePreviewField = StateField.define<boolean>({
  create: () => false,
  update: (value) => value,
});
