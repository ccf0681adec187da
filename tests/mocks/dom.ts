/**
 * Obsidian's DOM helpers (createEl, createDiv, empty, setText, addClass, instanceOf…) installed on
 * jsdom's prototypes, with the semantics obsidian.d.ts gives them. Import for side effects:
 * `import './mocks/dom'`; a second window (a pop-out, in tests an iframe) gets its own with
 * installDomHelpers(win), as each of Obsidian's windows has its own. Does nothing under the node
 * test environment (no DOM there).
 */

type Attrs = Record<string, string | number | boolean | null>;

function setAttribute(el: Element, name: string, value: string | number | boolean | null): void {
  // Obsidian removes the attribute for null and false, and writes every other value as text.
  if (value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

function applyInfo(el: HTMLElement, info: DomElementInfo | string | undefined): void {
  if (info === undefined) return;
  const o: DomElementInfo = typeof info === 'string' ? { cls: info } : info;
  if (o.cls !== undefined) el.addClasses(Array.isArray(o.cls) ? o.cls : o.cls.split(' ').filter((c) => c !== ''));
  if (o.text !== undefined) el.setText(o.text);
  if (o.attr !== undefined) el.setAttrs(o.attr);
  if (o.title !== undefined) el.title = o.title;
  if (o.value !== undefined && 'value' in el) (el as HTMLInputElement).value = o.value;
  if (o.type !== undefined && 'type' in el) (el as HTMLInputElement).type = o.type;
  if (o.placeholder !== undefined && 'placeholder' in el) (el as HTMLInputElement).placeholder = o.placeholder;
  if (o.href !== undefined && 'href' in el) (el as HTMLAnchorElement).href = o.href;
  if (o.parent !== undefined) {
    if (o.prepend) o.parent.insertBefore(el, o.parent.firstChild);
    else o.parent.appendChild(el);
  }
}

function make<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  parent: Node | null,
  tag: K,
  info?: DomElementInfo | string,
  callback?: (el: HTMLElementTagNameMap[K]) => void,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  const o: DomElementInfo = typeof info === 'string' ? { cls: info } : { ...(info ?? {}) };
  if (parent !== null && o.parent === undefined) o.parent = parent;
  applyInfo(el, o);
  callback?.(el);
  return el;
}

/** A window's own DOM classes, by name (each jsdom window, like each browser window, has its own). */
function classNamed(win: Window | null | undefined, name: string): unknown {
  return win === null || win === undefined ? undefined : (win as unknown as Record<string, unknown>)[name];
}

/**
 * d.ts instanceOf: "Cross-window capable instanceof check": true for an instance of the class or of
 * the class of the same name in the object's own window.
 */
function crossWindowInstanceOf(value: object, type: { name: string; prototype: unknown }, win: Window | null | undefined): boolean {
  if (value instanceof (type as unknown as new () => unknown)) return true;
  const own = classNamed(win, type.name);
  return typeof own === 'function' && value instanceof (own as new () => unknown);
}

/** Installs Obsidian's DOM helpers on a window's prototypes and globals. */
export function installDomHelpers(win: Window & typeof globalThis): void {
  const node = win.Node.prototype;
  const element = win.Element.prototype;
  const html = win.HTMLElement.prototype;
  const document = win.document;

  Object.defineProperty(node, 'doc', { configurable: true, get(this: Node) { return this.ownerDocument ?? document; } });
  Object.defineProperty(node, 'win', { configurable: true, get(this: Node) { return (this.ownerDocument ?? document).defaultView ?? win; } });
  Object.defineProperty(node, 'constructorWin', { configurable: true, get() { return win; } });

  node.createEl = function <K extends keyof HTMLElementTagNameMap>(this: Node, tag: K, o?: DomElementInfo | string, cb?: (el: HTMLElementTagNameMap[K]) => void) {
    return make(this.ownerDocument ?? document, this, tag, o, cb);
  };
  node.createDiv = function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
    return this.createEl('div', o, cb);
  };
  node.createSpan = function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
    return this.createEl('span', o, cb);
  };
  node.createSvg = function <K extends keyof SVGElementTagNameMap>(this: Node, tag: K, o?: SvgElementInfo | string, cb?: (el: SVGElementTagNameMap[K]) => void) {
    const el = (this.ownerDocument ?? document).createElementNS('http://www.w3.org/2000/svg', tag);
    const info: SvgElementInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
    if (info.cls !== undefined) el.addClasses(Array.isArray(info.cls) ? info.cls : info.cls.split(' ').filter((c) => c !== ''));
    if (info.attr !== undefined) el.setAttrs(info.attr);
    const parent = info.parent ?? this;
    if (info.prepend) parent.insertBefore(el, parent.firstChild);
    else parent.appendChild(el);
    cb?.(el);
    return el;
  };
  node.empty = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  node.detach = function (this: Node) {
    this.parentNode?.removeChild(this);
  };
  node.appendText = function (this: Node, val: string) {
    this.appendChild((this.ownerDocument ?? document).createTextNode(val));
  };
  node.indexOf = function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  };
  node.instanceOf = function <T>(this: Node, type: { new (): T }): boolean {
    return crossWindowInstanceOf(this, type, (this.ownerDocument ?? (this as Document)).defaultView);
  } as Node['instanceOf'];
  win.UIEvent.prototype.instanceOf = function <T>(this: UIEvent, type: { new (...data: never[]): T }): boolean {
    const target = this.target as Node | null;
    return crossWindowInstanceOf(this, type, this.view ?? target?.ownerDocument?.defaultView ?? win);
  } as UIEvent['instanceOf'];

  element.getText = function (this: Element) {
    return this.textContent ?? '';
  };
  element.setText = function (this: Element, val: string | DocumentFragment) {
    this.empty();
    if (typeof val === 'string') this.textContent = val;
    else this.appendChild(val);
  };
  element.addClass = function (this: Element, ...classes: string[]) {
    this.classList.add(...classes);
  };
  element.addClasses = function (this: Element, classes: string[]) {
    this.classList.add(...classes);
  };
  element.removeClass = function (this: Element, ...classes: string[]) {
    this.classList.remove(...classes);
  };
  element.removeClasses = function (this: Element, classes: string[]) {
    this.classList.remove(...classes);
  };
  element.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
    for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
  };
  element.hasClass = function (this: Element, cls: string) {
    return this.classList.contains(cls);
  };
  element.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
    setAttribute(this, name, value);
  };
  element.setAttrs = function (this: Element, obj: Attrs) {
    for (const [name, value] of Object.entries(obj)) setAttribute(this, name, value);
  };
  element.getAttr = function (this: Element, name: string) {
    return this.getAttribute(name);
  };
  element.matchParent = function (this: Element, selector: string, lastParent?: Element) {
    const match = this.closest(selector);
    return match !== null && lastParent?.contains(match) !== false && match !== lastParent ? match : null;
  };
  element.find = function (this: Element, selector: string) {
    return this.querySelector(selector);
  };
  element.findAll = function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll<HTMLElement>(selector));
  };

  html.show = function (this: HTMLElement) {
    this.style.display = '';
  };
  html.hide = function (this: HTMLElement) {
    this.style.display = 'none';
  };
  html.toggle = function (this: HTMLElement, show: boolean) {
    this.style.display = show ? '' : 'none';
  };
  html.isShown = function (this: HTMLElement) {
    return this.style.display !== 'none';
  };
  html.setCssProps = function (this: HTMLElement, props: Record<string, string>) {
    for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
  };
  html.setCssStyles = function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
    Object.assign(this.style, styles);
  };

  const g = win as unknown as Record<string, unknown>;
  g.createEl = <K extends keyof HTMLElementTagNameMap>(tag: K, o?: DomElementInfo | string, cb?: (el: HTMLElementTagNameMap[K]) => void) =>
    make(document, null, tag, o, cb);
  g.createDiv = (o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) => make(document, null, 'div', o, cb);
  g.createSpan = (o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) => make(document, null, 'span', o, cb);
  g.createFragment = (cb?: (el: DocumentFragment) => void) => {
    const fragment = document.createDocumentFragment();
    cb?.(fragment);
    return fragment;
  };
  g.activeWindow = win;
  g.activeDocument = document;
  g.sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  g.nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
}

if (typeof window !== 'undefined' && typeof Element.prototype.createEl !== 'function') installDomHelpers(window);
