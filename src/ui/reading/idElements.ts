/**
 * The elements an ID becomes in Reading view, and what they do.
 *
 * A resolved ID is Obsidian's own internal link (`a.internal-link`, `data-href`/`href` holding the
 * link text Obsidian itself would write), so Obsidian's click, modifier-click, drag, hover preview
 * and context menu work on it natively. An unresolved or ambiguous ID is never a native anchor:
 * Obsidian creates a note at once when an unresolved internal link is clicked, and whether this
 * plugin's listener would run before Obsidian's delegated link handler is unknown. It is a span of
 * the plugin's own (role "link", focusable) whose click, middle click, Enter and context menu
 * offer to create the note or choose among the notes that own the ID. So is a resolved ID whose
 * note's name holds `#`: link text cannot name that note (Obsidian reads `#` as a heading), so a
 * native anchor would open, or create, another one; the span opens the note by its file.
 */
import { Keymap, MarkdownRenderChild, Menu } from 'obsidian';
import { AMBIGUOUS_CLASS, ID_ATTRIBUTE, ID_CLASS } from '../../core/idMarkup';
import { linktextCanName } from '../../core/linktext';
import type { IndexChange } from '../../core/types';
import type { ReadingViewDeps } from './deps';

/**
 * Appends the element for one ID to `parent` (so it is made in the document the ID is shown in;
 * callers move it into place) and returns it: an internal-link anchor when the ID resolves, else a span.
 */
export function appendIdElement(parent: Node, id: string, text: string, deps: ReadingViewDeps, sourcePath: string): HTMLElement {
  const resolution = deps.index.resolve(id);
  const attr = { [ID_ATTRIBUTE]: id };
  if (resolution.status === 'resolved' && linktextCanName(resolution.paths[0])) {
    const linktext = deps.linktext(resolution.paths[0], sourcePath);
    // The attributes of the internal links Obsidian renders itself (obsidian-virtual-linker's
    // reading-mode links use the same shape and get Obsidian's native link handling).
    return parent.createEl('a', {
      cls: ['internal-link', ID_CLASS],
      text,
      attr: { ...attr, 'data-href': linktext, href: linktext, target: '_blank', rel: 'noopener' },
    });
  }
  const span = parent.createSpan({ cls: ID_CLASS, text, attr: { ...attr, role: 'link', tabindex: 0 } });
  if (resolution.status === 'ambiguous') {
    span.addClass(AMBIGUOUS_CLASS);
    span.setAttr('aria-label', `${id} is the ID of ${resolution.paths.length} notes`);
  } else if (resolution.status === 'unresolved') {
    span.toggleClass('is-unresolved', deps.settings().highlightUnresolved);
  }
  return span;
}

/** The ID of one of this plugin's ID elements, or null for any other node. */
function idOf(element: Element): string | null {
  return element.getAttribute(ID_ATTRIBUTE);
}

/**
 * Lives as long as the rendered section: handles the spans of unresolved and ambiguous IDs, and
 * keeps every ID element current when its ID changes resolution (a span becomes an anchor when the
 * note appears, an anchor becomes a span when it goes).
 */
export class IdLinksChild extends MarkdownRenderChild {
  constructor(
    containerEl: HTMLElement,
    private readonly elements: HTMLElement[],
    private readonly sourcePath: string,
    private readonly deps: ReadingViewDeps,
  ) {
    super(containerEl);
  }

  onload(): void {
    this.registerDomEvent(this.containerEl, 'click', (evt) => this.activate(evt));
    this.registerDomEvent(this.containerEl, 'auxclick', (evt) => {
      if (evt.button === 1) this.activate(evt);
    });
    // Enter activates a link (ARIA's link pattern); Mod+Enter opens in a new tab, as Mod-click does.
    this.registerDomEvent(this.containerEl, 'keydown', (evt) => {
      if (evt.key === 'Enter' && !evt.isComposing) this.activate(evt);
    });
    this.registerDomEvent(this.containerEl, 'contextmenu', (evt) => this.showMenu(evt));
    this.register(this.deps.onIndexChange((change) => this.onIndexChange(change)));
  }

  /** The span of an ID (unresolved, ambiguous, or naming a note link text cannot) the event happened on, if it is one of ours. */
  private spanAt(evt: Event): HTMLElement | null {
    const target = evt.target as Node | null;
    // instanceOf, not instanceof: a pop-out window's elements belong to another realm.
    if (target === null || !target.instanceOf(Element)) return null;
    const element = target.closest(`span.${ID_CLASS}[${ID_ATTRIBUTE}]`);
    return element !== null && element.instanceOf(HTMLElement) && this.containerEl.contains(element) ? element : null;
  }

  private activate(evt: MouseEvent | KeyboardEvent): void {
    const span = this.spanAt(evt);
    const id = span === null ? null : idOf(span);
    if (id === null) return;
    evt.preventDefault();
    evt.stopPropagation();
    void this.deps.openId(id, this.sourcePath, Keymap.isModEvent(evt));
  }

  private showMenu(evt: MouseEvent): void {
    const span = this.spanAt(evt);
    const id = span === null ? null : idOf(span);
    if (id === null) return;
    evt.preventDefault();
    evt.stopPropagation();
    const { status } = this.deps.index.resolve(id);
    const [title, icon] = status === 'ambiguous' ? ['Choose a note to open…', 'files'] : status === 'resolved' ? ['Open note', 'file'] : [`Create note ${id}…`, 'file-plus'];
    new Menu()
      .addItem((item) =>
        item
          .setTitle(title)
          .setIcon(icon)
          .onClick(() => void this.deps.openId(id, this.sourcePath, false)),
      )
      .addItem((item) =>
        item
          .setTitle('Copy ID')
          .setIcon('copy')
          .onClick(() => void navigator.clipboard.writeText(id)),
      )
      .showAtMouseEvent(evt);
  }

  private onIndexChange(change: IndexChange): void {
    for (let i = 0; i < this.elements.length; i++) {
      const element = this.elements[i];
      const id = idOf(element);
      const parent = element.parentNode;
      if (id === null || parent === null || (change !== 'all' && !change.has(id))) continue;
      // Rebuilt rather than patched: the element's kind (anchor or span) may change with it.
      const next = appendIdElement(parent, id, element.textContent ?? '', this.deps, this.sourcePath);
      element.replaceWith(next);
      this.elements[i] = next;
    }
  }
}
