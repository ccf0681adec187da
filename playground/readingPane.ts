/**
 * The reading pane: a Markdown view in Reading mode, as Obsidian would show it. The note is rendered
 * with the playground's renderer, one section at a time, and every registered post processor runs
 * on each section with a context whose children live until the next render. Clicks and hovers on
 * internal links do what Obsidian's Reading view does with them.
 */
import type * as obsidian from 'obsidian';
import { renderMarkdown } from './markdown';
import { Component, Keymap, MarkdownView, type PlaygroundApp, type TFile, type WorkspaceLeaf } from './obsidian';

type CodeBlockProcessor = (source: string, el: HTMLElement, ctx: obsidian.MarkdownPostProcessorContext) => Promise<unknown> | void;

export class ReadingPane extends MarkdownView {
  mode: obsidian.MarkdownViewModeType = 'preview';
  previewMode = {
    containerEl: this.contentEl,
    rerenders: 0,
    rerender: (): void => {
      this.previewMode.rerenders++;
      this.render();
    },
  };
  private sections: Component | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly playgroundApp: PlaygroundApp,
    private readonly postProcessors: () => readonly obsidian.MarkdownPostProcessor[],
    private readonly codeBlockProcessors: () => ReadonlyMap<string, CodeBlockProcessor> = () => new Map(),
  ) {
    super(leaf);
  }

  getViewType(): string {
    return 'markdown';
  }

  async onOpen(): Promise<void> {
    this.contentEl.addClass('markdown-reading-view');
    this.registerDomEvent(this.contentEl, 'click', (evt) => this.onClick(evt as MouseEvent));
    this.registerDomEvent(this.contentEl, 'auxclick', (evt) => {
      if ((evt as MouseEvent).button === 1) this.onClick(evt as MouseEvent);
    });
    this.registerDomEvent(this.contentEl, 'mouseover', (evt) => this.onHover(evt as MouseEvent));
  }

  async onClose(): Promise<void> {
    this.sections?.unload();
  }

  /** Shows a note's text. */
  show(file: TFile, text: string): void {
    this.file = file;
    this.data = text;
    this.render();
  }

  /** Renders the current text again, as Obsidian does after a change or a rerender request. */
  render(): void {
    this.sections?.unload();
    const sections = new Component();
    sections.load();
    this.sections = sections;
    this.contentEl.empty();
    if (this.file === null) return;
    const sourcePath = this.file.path;
    const view = this.contentEl.createDiv('markdown-preview-view markdown-rendered');
    const sizer = view.createDiv('markdown-preview-sizer markdown-preview-section');
    const { metadataCache } = this.playgroundApp;
    const rendered = renderMarkdown(this.data, sizer, {
      isResolved: (linkpath) => metadataCache.getFirstLinkpathDest(linkpath, sourcePath) !== null,
    });
    for (const el of rendered) {
      const ctx = {
        docId: sourcePath,
        sourcePath,
        frontmatter: undefined,
        addChild: (child: obsidian.Component) => sections.addChild(child),
        getSectionInfo: () => null,
      } as unknown as obsidian.MarkdownPostProcessorContext;
      this.runCodeBlockProcessor(el, ctx);
      for (const postProcessor of this.postProcessors()) {
        void Promise.resolve(postProcessor(el, ctx)).catch((error: unknown) => console.error('Post processor failed', error));
      }
    }
  }

  /**
   * A fenced block whose language has a processor is replaced by a `div.block-language-…` and handed
   * to the processor with its text, as Obsidian's Reading view does (registerMarkdownCodeBlockProcessor).
   */
  private runCodeBlockProcessor(section: HTMLElement, ctx: obsidian.MarkdownPostProcessorContext): void {
    const pre = section.firstElementChild;
    if (pre?.tagName !== 'PRE') return;
    const language = /(?:^|\s)language-(\S+)/.exec(pre.className)?.[1];
    const processor = language === undefined ? undefined : this.codeBlockProcessors().get(language);
    if (processor === undefined) return;
    const el = createDiv({ cls: `block-language-${language}` });
    pre.replaceWith(el);
    void Promise.resolve(processor(pre.textContent ?? '', el, ctx)).catch((error: unknown) => console.error('Code block processor failed', error));
  }

  private onClick(evt: MouseEvent): void {
    const anchor = (evt.target as Element | null)?.closest?.('a');
    if (!anchor || !this.contentEl.contains(anchor)) return;
    evt.preventDefault();
    if (anchor.hasClass('internal-link')) {
      const href = anchor.getAttribute('data-href') ?? anchor.getAttribute('href') ?? '';
      void this.app.workspace.openLinkText(href, this.file?.path ?? '', Keymap.isModEvent(evt));
    }
  }

  private onHover(evt: MouseEvent): void {
    const anchor = (evt.target as Element | null)?.closest?.('a.internal-link');
    if (!anchor || !this.contentEl.contains(anchor) || anchor.contains(evt.relatedTarget as Node | null)) return;
    this.app.workspace.trigger('hover-link', {
      event: evt,
      source: 'preview',
      hoverParent: this,
      targetEl: anchor,
      linktext: anchor.getAttribute('data-href') ?? '',
      sourcePath: this.file?.path ?? '',
    });
  }
}
