/**
 * The playground's stand-in for the `obsidian` module (esbuild aliases `obsidian` to this file).
 * It reuses the Jest fake of Obsidian's runtime (tests/mocks/fake), so the plugin meets the same
 * semantics in the browser as in its unit tests, and adds what a person at the page needs: a
 * workspace that really opens the linked note, visible notices, and modals that can be dismissed.
 */
import type * as obsidian from 'obsidian';
import { App, Plugin, Workspace } from '../tests/mocks/fake/app';
import { MarkdownRenderer, Menu, Modal, SuggestModal } from '../tests/mocks/fake/ui';
import { renderMarkdown } from './markdown';
import type { TFile } from '../tests/mocks/fake/base';

export * from '../tests/mocks/fake/base';
export * from '../tests/mocks/fake/ui';
export * from '../tests/mocks/fake/app';

/** One `hover-link` workspace event, as the page preview core plugin would receive it. */
export interface HoverLinkRecord {
  source: string;
  linktext: string;
  sourcePath: string;
  modifier: boolean;
}

/** Opens a note in the playground's editor; the workspace calls it for every resolved link. */
export type FileOpener = (file: TFile, newLeaf: obsidian.PaneType | boolean | undefined) => Promise<void>;

/** A workspace whose links open notes (the Jest fake only records them) and that logs hovers. */
export class PlaygroundWorkspace extends Workspace {
  hoverLinks: HoverLinkRecord[] = [];
  opener: FileOpener | null = null;
  /** Reconfigures open editors; Obsidian's updateOptions does that after a settings change. */
  editorRefresher: (() => void) | null = null;

  updateOptions(): void {
    super.updateOptions();
    this.editorRefresher?.();
  }

  constructor(private readonly playgroundApp: PlaygroundApp) {
    super(playgroundApp);
    this.on('hover-link', (...data: unknown[]) => {
      const info = data[0] as { event?: MouseEvent; source: string; linktext: string; sourcePath: string };
      const modifier = info.event !== undefined && (info.event.ctrlKey || info.event.metaKey);
      this.hoverLinks.push({ source: info.source, linktext: info.linktext, sourcePath: info.sourcePath, modifier });
    });
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: obsidian.PaneType | boolean): Promise<void> {
    await super.openLinkText(linktext, sourcePath, newLeaf);
    const linkpath = safeDecode(linktext.split('#')[0].split('|')[0]);
    const file = this.playgroundApp.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    if (file === null) {
      new Notice(`No note named "${linkpath}" in the playground vault.`);
      return;
    }
    await this.opener?.(file, newLeaf);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The fake App with the playground's workspace. */
export class PlaygroundApp extends App {
  workspace: PlaygroundWorkspace = new PlaygroundWorkspace(this);
  /** Where plugins' status bar items are shown. */
  statusBarEl: HTMLElement | null = null;
}

/** Every notice shown, in order (the test API exposes it). */
export const shownNotices: string[] = [];

/** Notices appear as toasts in the page's notice container. */
export class Notice {
  noticeEl: HTMLElement;

  constructor(message: string | DocumentFragment, duration?: number) {
    const text = typeof message === 'string' ? message : (message.textContent ?? '');
    shownNotices.push(text);
    const container = document.querySelector('.notice-container') ?? document.body.createDiv('notice-container');
    this.noticeEl = container.createDiv({ cls: 'notice', text });
    this.noticeEl.addEventListener('click', () => this.hide());
    window.setTimeout(() => this.hide(), duration === undefined || duration <= 0 ? 5000 : duration);
  }

  get containerEl(): HTMLElement {
    return this.noticeEl;
  }

  get messageEl(): HTMLElement {
    return this.noticeEl;
  }

  setMessage(message: string | DocumentFragment): this {
    this.noticeEl.setText(typeof message === 'string' ? message : (message.textContent ?? ''));
    return this;
  }

  hide(): void {
    this.noticeEl.detach();
  }
}

// The fake's modals have no chrome: give them a backdrop, a close button, Escape, and keyboard
// choice in suggestion lists, as Obsidian's do. Patched once, on the playground's copy of the fake.
const openModal = Modal.prototype.open;
Modal.prototype.open = function (this: Modal): void {
  openModal.call(this);
  const background = createDiv('modal-bg');
  this.containerEl.prepend(background);
  background.addEventListener('click', () => this.close());
  // Obsidian's prompts (suggestion lists) have no close button; other modals do.
  if (this instanceof SuggestModal) this.modalEl.addClass('prompt');
  else this.modalEl.createDiv({ cls: 'modal-close-button', attr: { 'aria-label': 'Close', role: 'button' } }).addEventListener('click', () => this.close());
  const onKey = (evt: KeyboardEvent): void => {
    if (evt.key === 'Escape') this.close();
  };
  document.addEventListener('keydown', onKey);
  const close = this.close;
  this.close = () => {
    document.removeEventListener('keydown', onKey);
    this.close = close;
    close.call(this);
  };
  if (this instanceof SuggestModal) this.inputEl.focus();
};

const refreshSuggestions = SuggestModal.prototype.refresh;
SuggestModal.prototype.refresh = async function (this: SuggestModal<unknown>): Promise<void> {
  await refreshSuggestions.call(this);
  this.resultContainerEl.querySelector('.suggestion-item')?.addClass('is-selected');
  if (this.inputEl.dataset.playgroundKeys === undefined) {
    this.inputEl.dataset.playgroundKeys = '';
    this.inputEl.addEventListener('keydown', (evt) => {
      if (evt.key === 'Enter' && !evt.isComposing) {
        evt.preventDefault();
        this.selectActiveSuggestion(evt);
      }
    });
  }
};

// Status bar items go to the page's status bar when the app has one (the playground app does;
// the app the production bundle is checked with does not).
const addStatusBarItem = Plugin.prototype.addStatusBarItem;
Plugin.prototype.addStatusBarItem = function (this: Plugin): HTMLElement {
  const el = addStatusBarItem.call(this);
  (this.app as unknown as Partial<PlaygroundApp>).statusBarEl?.appendChild(el);
  return el;
};

// The fake's menus only record themselves: show them as a list at the pointer, as Obsidian's do,
// close on a choice, a click elsewhere or Escape.
const showMenuAt = (menu: Menu, x: number, y: number): void => {
  document.querySelector('.menu')?.remove();
  const el = document.body.createDiv({ cls: 'menu' });
  el.style.left = `${x}px`;
  el.style.top = `${y}px`;
  const close = (): void => {
    el.remove();
    document.removeEventListener('mousedown', outside, true);
    document.removeEventListener('keydown', onKey, true);
    menu.hide();
  };
  const outside = (evt: MouseEvent): void => {
    if (!el.contains(evt.target as Node)) close();
  };
  const onKey = (evt: KeyboardEvent): void => {
    if (evt.key === 'Escape') close();
  };
  for (const item of menu.items) {
    if (item === 'separator') {
      el.createDiv({ cls: 'menu-separator' });
      continue;
    }
    const row = el.createDiv({ cls: item.checked ? 'menu-item mod-checked' : 'menu-item', text: item.title });
    row.addEventListener('click', (evt) => {
      close();
      item.click(evt);
    });
  }
  document.addEventListener('mousedown', outside, true);
  document.addEventListener('keydown', onKey, true);
};
const showAtMouseEvent = Menu.prototype.showAtMouseEvent;
(Menu.prototype as unknown as { showAtMouseEvent(evt: MouseEvent): Menu }).showAtMouseEvent = function (this: Menu, evt: MouseEvent): Menu {
  showAtMouseEvent.call(this);
  showMenuAt(this, evt.clientX, evt.clientY);
  return this;
};

// MarkdownRenderer.render draws with the playground's renderer, as Obsidian draws with its own. A
// mermaid block stays a `pre.language-mermaid` holding the diagram's source (Obsidian would draw it;
// the page has no Mermaid): the browser tests read what the plugin asked for there and in the log.
const recordRender = MarkdownRenderer.render;
MarkdownRenderer.render = async function (app: obsidian.App, markdown: string, el: HTMLElement, sourcePath: string, component: obsidian.Component): Promise<void> {
  await recordRender.call(this, app, markdown, createDiv(), sourcePath, component);
  const { metadataCache } = app as unknown as PlaygroundApp;
  const view = el.createDiv('markdown-rendered');
  renderMarkdown(markdown, view, { isResolved: (linkpath) => metadataCache.getFirstLinkpathDest(linkpath, sourcePath) !== null });
};
