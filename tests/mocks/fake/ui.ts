/**
 * The DOM-building part of the Obsidian fake: notices, modals, settings controls, views and menus.
 * Everything here except Notice needs the jsdom test environment. Behaviour follows obsidian.d.ts
 * (1.13.1); the DOM shapes (class names) are those Obsidian's own CSS and themes select on, and
 * nothing in the plugin depends on them beyond what the d.ts exposes (containerEl, contentEl, …).
 */
import type * as obsidian from 'obsidian';
import { Component, Scope, TFile, requireApiVersion, setIcon, setTooltip } from './base';

function requireDom(what: string): void {
  if (typeof document === 'undefined') {
    throw new Error(`The Obsidian fake's ${what} needs the DOM: start the test file with /** @jest-environment jsdom */`);
  }
}

/**
 * Notices and menus belong to no app object: Obsidian draws them in the window's document
 * (obsidian.d.ts: `new Notice(message)` and `Menu.showAtMouseEvent` take no app). So the fake
 * announces each one on the document, and each test's recorder (createFakeApp) keeps what it heard;
 * the fake itself keeps nothing between tests.
 */
const NOTICE_SHOWN = 'fake-obsidian:notice';
const MENU_SHOWN = 'fake-obsidian:menu';

/** What was shown since the recorder started, in order. */
export interface ShownRecord {
  readonly notices: readonly string[];
  readonly menus: readonly Menu[];
}

/** Fake only: starts recording the notices and menus shown from now on (createFakeApp's). */
export function recordShown(): ShownRecord {
  requireDom('recording of notices and menus');
  const notices: string[] = [];
  const menus: Menu[] = [];
  document.addEventListener(NOTICE_SHOWN, (event) => notices.push((event as CustomEvent<string>).detail));
  document.addEventListener(MENU_SHOWN, (event) => menus.push((event as CustomEvent<Menu>).detail));
  return { notices, menus };
}

function announce<T>(type: string, detail: T): void {
  // Without a DOM (node tests) nothing can listen, and nothing is kept.
  if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent(type, { detail }));
}

function messageText(message: string | DocumentFragment): string {
  return typeof message === 'string' ? message : (message.textContent ?? '');
}

export class Notice {
  private el: HTMLElement | null = null;

  constructor(message: string | DocumentFragment, public duration?: number) {
    announce(NOTICE_SHOWN, messageText(message));
  }

  get noticeEl(): HTMLElement {
    requireDom('Notice element');
    this.el ??= createDiv('notice');
    return this.el;
  }

  get containerEl(): HTMLElement {
    return this.noticeEl;
  }

  get messageEl(): HTMLElement {
    return this.noticeEl;
  }

  setMessage(message: string | DocumentFragment): this {
    announce(NOTICE_SHOWN, messageText(message));
    return this;
  }

  hide(): void {}
}

export class Modal {
  scope = new Scope();
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = false;
  /** Fake only: whether the modal is open. */
  isOpen = false;
  private closeCallback: (() => unknown) | null = null;

  constructor(public app: obsidian.App) {
    requireDom('Modal');
    this.containerEl = createDiv('modal-container');
    this.modalEl = this.containerEl.createDiv('modal');
    this.titleEl = this.modalEl.createDiv('modal-title');
    this.contentEl = this.modalEl.createDiv('modal-content');
  }

  open(): void {
    this.isOpen = true;
    document.body.appendChild(this.containerEl);
    void this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.containerEl.detach();
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}

export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  /** Fake only: the suggestions currently shown. */
  shown: T[] = [];

  constructor(app: obsidian.App) {
    super(app);
    this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input', type: 'text' });
    this.resultContainerEl = this.modalEl.createDiv('prompt-results');
    this.inputEl.addEventListener('input', () => void this.refresh());
  }

  open(): void {
    super.open();
    void this.refresh();
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: obsidian.Instruction[]): void {
    const el = this.modalEl.createDiv('prompt-instructions');
    for (const i of instructions) el.createDiv({ cls: 'prompt-instruction', text: `${i.command} ${i.purpose}` });
  }

  onNoSuggestion(): void {
    this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    if (this.shown.length > 0) this.selectSuggestion(this.shown[0], evt);
  }

  /** Fake only: re-renders suggestions for the current input (d.ts: getSuggestions is called as the query changes). */
  async refresh(): Promise<void> {
    const suggestions = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
    this.shown = suggestions;
    this.resultContainerEl.empty();
    if (suggestions.length === 0) this.onNoSuggestion();
    for (const value of suggestions) {
      const el = this.resultContainerEl.createDiv('suggestion-item');
      this.renderSuggestion(value, el);
      el.addEventListener('click', (evt) => this.selectSuggestion(value, evt));
    }
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<obsidian.FuzzyMatch<T>> {
  /** A case-insensitive subsequence match stands in for Obsidian's fuzzy scorer. */
  getSuggestions(query: string): obsidian.FuzzyMatch<T>[] {
    const q = query.toLowerCase();
    return this.getItems()
      .filter((item) => {
        const text = this.getItemText(item).toLowerCase();
        let at = 0;
        for (const ch of q) {
          at = text.indexOf(ch, at);
          if (at < 0) return false;
          at++;
        }
        return true;
      })
      .map((item) => ({ item, match: { score: 0, matches: [] } }));
  }

  renderSuggestion(item: obsidian.FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(item.item));
  }

  onChooseSuggestion(item: obsidian.FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class BaseComponent {
  disabled = false;

  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

export abstract class ValueComponent<T> extends BaseComponent {
  registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
    listeners[key] = (value?: T) => {
      if (value !== undefined) this.setValue(value);
      return this.getValue();
    };
    return this;
  }
  abstract getValue(): T;
  abstract setValue(value: T): this;
}

export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(public inputEl: T) {
    super();
    inputEl.addEventListener('input', () => this.onChanged());
  }

  setDisabled(disabled: boolean): this {
    this.inputEl.disabled = disabled;
    return super.setDisabled(disabled);
  }

  getValue(): string {
    return this.inputEl.value;
  }

  setValue(value: string): this {
    this.inputEl.value = value;
    return this;
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.placeholder = placeholder;
    return this;
  }

  onChanged(): void {
    this.changeCallback?.(this.getValue());
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('input', { type: 'text' }));
  }
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    super(containerEl.createEl('textarea'));
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  private changeCallback: ((value: boolean) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = containerEl.createDiv('checkbox-container');
    this.toggleEl.createEl('input', { type: 'checkbox' });
    this.toggleEl.addEventListener('click', () => this.onClick());
  }

  getValue(): boolean {
    return this.on;
  }

  setValue(on: boolean): this {
    if (on !== this.on) {
      this.on = on;
      this.toggleEl.toggleClass('is-enabled', on);
      this.changeCallback?.(on);
    }
    return this;
  }

  setTooltip(tooltip: string, options?: obsidian.TooltipOptions): this {
    setTooltip(this.toggleEl, tooltip, options);
    return this;
  }

  onClick(): void {
    if (!this.disabled) this.setValue(!this.on);
  }

  onChange(callback: (value: boolean) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  private changeCallback: ((value: string) => unknown) | null = null;

  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = containerEl.createEl('select', 'dropdown');
    this.selectEl.addEventListener('change', () => this.changeCallback?.(this.getValue()));
  }

  setDisabled(disabled: boolean): this {
    this.selectEl.disabled = disabled;
    return super.setDisabled(disabled);
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl('option', { value, text: display });
    return this;
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display);
    return this;
  }

  getValue(): string {
    return this.selectEl.value;
  }

  setValue(value: string): this {
    this.selectEl.value = value;
    return this;
  }

  onChange(callback: (value: string) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement;
  private changeCallback: ((value: number) => unknown) | null = null;
  private format: (value: number) => string = String;
  /** From 1.13 "the value is now always shown inline next to the slider" (obsidian.d.ts, setDynamicTooltip). */
  private readonly valueEl: HTMLElement | null;

  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = containerEl.createEl('input', { cls: 'slider', type: 'range' });
    this.valueEl = requireApiVersion('1.13.0') ? containerEl.createSpan({ cls: 'slider-value' }) : null;
    this.sliderEl.addEventListener('input', () => {
      this.showValue();
      this.changeCallback?.(this.getValue());
    });
  }

  private showValue(): void {
    this.valueEl?.setText(this.getValuePretty());
  }

  setDisabled(disabled: boolean): this {
    this.sliderEl.disabled = disabled;
    return super.setDisabled(disabled);
  }

  setInstant(): this {
    return this;
  }

  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    if (min !== null) this.sliderEl.min = String(min);
    if (max !== null) this.sliderEl.max = String(max);
    this.sliderEl.step = String(step);
    return this;
  }

  getValue(): number {
    return Number(this.sliderEl.value);
  }

  setValue(value: number): this {
    this.sliderEl.value = String(value);
    this.showValue();
    return this;
  }

  getValuePretty(): string {
    return this.format(this.getValue());
  }

  setDisplayFormat(format: (value: number) => string): this {
    this.format = format;
    this.showValue();
    return this;
  }

  setDynamicTooltip(): this {
    return this;
  }

  onChange(callback: (value: number) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
}

export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;

  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = containerEl.createEl('button');
  }

  setDisabled(disabled: boolean): this {
    this.buttonEl.disabled = disabled;
    return super.setDisabled(disabled);
  }

  setCta(): this {
    this.buttonEl.addClass('mod-cta');
    return this;
  }

  removeCta(): this {
    this.buttonEl.removeClass('mod-cta');
    return this;
  }

  setWarning(): this {
    this.buttonEl.addClass('mod-warning');
    return this;
  }

  setDestructive(): this {
    this.buttonEl.addClass('mod-destructive');
    return this;
  }

  removeDestructive(): this {
    this.buttonEl.removeClass('mod-destructive');
    return this;
  }

  setTooltip(tooltip: string, options?: obsidian.TooltipOptions): this {
    setTooltip(this.buttonEl, tooltip, options);
    return this;
  }

  setButtonText(name: string): this {
    this.buttonEl.setText(name);
    return this;
  }

  setIcon(icon: string): this {
    setIcon(this.buttonEl, icon);
    return this;
  }

  setClass(cls: string): this {
    this.buttonEl.addClass(cls);
    return this;
  }

  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', (evt) => void callback(evt));
    return this;
  }
}

export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];
  errorEl: HTMLElement | null = null;

  constructor(containerEl: HTMLElement) {
    requireDom('Setting');
    this.settingEl = containerEl.createDiv('setting-item');
    this.infoEl = this.settingEl.createDiv('setting-item-info');
    this.nameEl = this.infoEl.createDiv('setting-item-name');
    this.descEl = this.infoEl.createDiv('setting-item-description');
    this.controlEl = this.settingEl.createDiv('setting-item-control');
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  setTooltip(tooltip: string, options?: obsidian.TooltipOptions): this {
    setTooltip(this.nameEl, tooltip, options);
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass('setting-item-heading');
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass('is-disabled', disabled);
    for (const component of this.components) component.setDisabled(disabled);
    return this;
  }

  setErrorMessage(message: string | null): this {
    this.errorEl?.detach();
    this.errorEl = message === null ? null : this.infoEl.createDiv({ cls: 'setting-item-error', text: message });
    return this;
  }

  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this {
    this.components.push(cb(this.controlEl));
    return this;
  }

  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }

  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }

  private add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

export abstract class SettingTab {
  icon = 'settings';
  containerEl: HTMLElement;
  settingItems: obsidian.SettingDefinitionItem[] = [];
  /** Fake only: the settings modal showing this tab redraws it on update(). */
  fakeOnUpdate: (() => void) | null = null;

  constructor(public app: obsidian.App) {
    requireDom('SettingTab');
    this.containerEl = createDiv('vertical-tab-content');
  }

  display(): void {}

  getSettingDefinitions(): obsidian.SettingDefinitionItem[] {
    return [];
  }

  /** Stores the definitions for rendering and search (obsidian.d.ts); settingsModal.ts draws them. */
  update(): void {
    this.settingItems = this.getSettingDefinitions();
    this.fakeOnUpdate?.();
  }

  hide(): void {
    this.containerEl.empty();
  }
}

export abstract class PluginSettingTab extends SettingTab {
  constructor(app: obsidian.App, public plugin: obsidian.Plugin) {
    super(app);
  }
}

/** The fake's leaf: holds one view and records what it was asked to open. */
export class WorkspaceLeaf extends Component {
  view: View | null = null;
  /** Fake only: files opened in this leaf, oldest first. */
  openedFiles: TFile[] = [];
  private viewState: obsidian.ViewState = { type: 'empty' };

  constructor(
    public app: obsidian.App,
    private createView: (type: string, leaf: WorkspaceLeaf) => View | null = () => null,
  ) {
    super();
  }

  async openFile(file: TFile, openState?: obsidian.OpenViewState): Promise<void> {
    this.openedFiles.push(file);
    this.viewState = { type: 'markdown', state: { file: file.path }, active: openState?.active };
  }

  async open(view: View): Promise<View> {
    await this.replaceView(view);
    return view;
  }

  getViewState(): obsidian.ViewState {
    return this.viewState;
  }

  async setViewState(viewState: obsidian.ViewState): Promise<void> {
    this.viewState = viewState;
    const view = this.createView(viewState.type, this);
    if (view) await this.replaceView(view);
  }

  getDisplayText(): string {
    return this.view?.getDisplayText() ?? '';
  }

  /**
   * Fake only: true simulates a leaf restored in the background, whose view is not loaded yet
   * (d.ts isDeferred / loadIfDeferred, 1.7.2; docs "Understanding deferred views").
   */
  deferred = false;
  /** Fake only: loadIfDeferred calls. */
  deferredLoads = 0;

  get isDeferred(): boolean {
    return this.deferred;
  }

  async loadIfDeferred(): Promise<void> {
    this.deferredLoads++;
    this.deferred = false;
  }

  detach(): void {
    this.unload();
  }

  onunload(): void {
    const view = this.view;
    this.view = null;
    if (view) void view.close();
  }

  private async replaceView(view: View): Promise<void> {
    if (this.view) await this.view.close();
    this.view = view;
    await view.open();
  }
}

export abstract class View extends Component {
  app: obsidian.App;
  icon = '';
  navigation = false;
  containerEl: HTMLElement;
  scope: Scope | null = null;

  constructor(public leaf: WorkspaceLeaf) {
    super();
    requireDom('View');
    this.app = leaf.app;
    this.containerEl = createDiv('workspace-leaf-content');
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}

  /** Fake only: what Obsidian does when a leaf shows this view. */
  async open(): Promise<void> {
    this.load();
    await this.onOpen();
  }

  /** Fake only: what Obsidian does when a leaf stops showing this view. */
  async close(): Promise<void> {
    await this.onClose();
    this.unload();
  }

  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(): Promise<void> {}

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(): void {}

  getIcon(): string {
    return this.icon;
  }

  onResize(): void {}
  onPaneMenu(): void {}
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.containerEl.createDiv('view-header');
    this.contentEl = this.containerEl.createDiv('view-content');
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.containerEl.createEl('button', { cls: 'view-action', attr: { 'aria-label': title } });
    setIcon(el, icon);
    el.addEventListener('click', (evt) => void callback(evt));
    return el;
  }
}

export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;
  navigation = true;

  getDisplayText(): string {
    return this.file?.basename ?? '';
  }
}

/** A Markdown view without an editor; tests set `file` and `mode`. */
export class MarkdownView extends FileView {
  /** Fake only: what getMode() answers. */
  mode: obsidian.MarkdownViewModeType = 'source';
  data = '';
  /**
   * Fake only in part: counts rerender calls of the Reading view (d.ts MarkdownPreviewView.rerender;
   * rerender(true) runs post processors on every section again, which a view open before the plugin
   * was enabled needs: unknown beyond the d.ts, tests of the playground render for real).
   */
  previewMode: { containerEl: HTMLElement; rerenders: number; lastRerenderFull?: boolean; rerender(full?: boolean): void } = {
    /** d.ts MarkdownPreviewView.containerEl: holds the rendered sections (tests fill it). */
    containerEl: createDiv('markdown-preview-view markdown-rendered'),
    rerenders: 0,
    /** Fake only: the `full` argument of the last rerender call. */
    lastRerenderFull: undefined,
    rerender(full?: boolean): void {
      this.rerenders++;
      this.lastRerenderFull = full;
    },
  };

  getViewType(): string {
    return 'markdown';
  }

  getMode(): obsidian.MarkdownViewModeType {
    return this.mode;
  }

  getViewData(): string {
    return this.data;
  }

  setViewData(data: string): void {
    this.data = data;
  }

  clear(): void {
    this.data = '';
  }
}

export class MarkdownRenderChild extends Component {
  constructor(public containerEl: HTMLElement) {
    super();
  }
}

/** One MarkdownRenderer.render call, as the fake App records it. */
export interface RenderedMarkdown {
  readonly markdown: string;
  readonly sourcePath: string;
  /** The child the render attached to the component it was given. */
  readonly child: RenderedChild;
}

/** What a render attaches to its component (a mermaid diagram's renderer, say): unloaded with it. */
export class RenderedChild extends Component {
  unloaded = false;

  onunload(): void {
    this.unloaded = true;
  }
}

/**
 * MarkdownRenderer's static renderers (obsidian.d.ts: `render(app, markdown, el, sourcePath,
 * component)`, and the deprecated `renderMarkdown` without the app). The fake records each call on
 * the app and shows the Markdown as text; how Obsidian draws it (a mermaid block as a diagram) is
 * Obsidian's business.
 */
export class MarkdownRenderer {
  static async render(app: obsidian.App, markdown: string, el: HTMLElement, sourcePath: string, component: obsidian.Component): Promise<void> {
    // obsidian.d.ts: the component "manage[s] the lifecycle of the rendered child components".
    const child = component.addChild(new RenderedChild());
    ((app as unknown as { renderedMarkdown?: RenderedMarkdown[] }).renderedMarkdown ??= []).push({ markdown, sourcePath, child });
    el.createDiv({ cls: 'markdown-rendered', text: markdown });
  }

  static async renderMarkdown(markdown: string, el: HTMLElement, _sourcePath: string, _component: obsidian.Component): Promise<void> {
    el.createDiv({ cls: 'markdown-rendered', text: markdown });
  }
}

export class MenuItem {
  title = '';
  icon: string | null = null;
  checked: boolean | null = null;
  disabled = false;
  warning = false;
  isLabel = false;
  section = '';
  private clickCallback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  setTitle(title: string | DocumentFragment): this {
    this.title = messageText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.checked = checked;
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }

  setWarning(isWarning: boolean): this {
    this.warning = isWarning;
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.isLabel = isLabel;
    return this;
  }

  setSection(section: string): this {
    this.section = section;
    return this;
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.clickCallback = callback;
    return this;
  }

  /** Fake only: what choosing the item in the shown menu does. */
  click(evt: MouseEvent | KeyboardEvent = new MouseEvent('click')): void {
    if (!this.disabled) void this.clickCallback?.(evt);
  }
}

export class Menu extends Component {
  items: (MenuItem | 'separator')[] = [];
  private hideCallbacks: (() => unknown)[] = [];

  static forEvent(): Menu {
    return new Menu();
  }

  setNoIcon(): this {
    return this;
  }

  setUseNativeMenu(): this {
    return this;
  }

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    this.items.push(item);
    cb(item);
    return this;
  }

  addSeparator(): this {
    this.items.push('separator');
    return this;
  }

  setParentElement(): this {
    return this;
  }

  showAtMouseEvent(): this {
    announce(MENU_SHOWN, this);
    return this;
  }

  showAtPosition(): this {
    announce(MENU_SHOWN, this);
    return this;
  }

  hide(): this {
    for (const cb of this.hideCallbacks) cb();
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }
}
