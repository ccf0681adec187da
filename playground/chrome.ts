/** The playground page's chrome: the toolbar (mode, theme, commands, settings) and the page preview. */
import type * as obsidian from 'obsidian';
import type PrincipleChainPlugin from '../main';
import type { PlaygroundEditor } from './editor';
import { hideSettingTab, showSettingTab } from '../tests/mocks/fake/settingsModal';
import { renderMarkdown } from './markdown';
import * as standIn from './obsidian';
import type { PlaygroundApp } from './obsidian';
import type { Theme } from './testApi';

/** Switches the page between Obsidian's light and dark themes. */
export function setTheme(theme: Theme): void {
  document.body.toggleClass('theme-dark', theme === 'dark');
  document.body.toggleClass('theme-light', theme === 'light');
  for (const button of Array.from(document.querySelectorAll<HTMLElement>('[data-theme]'))) button.toggleClass('is-active', button.dataset.theme === theme);
}

/** The toolbar; the mode buttons dispatch a `pg-mode` event on it for the app to handle. */
export function buildToolbar(
  toolbar: HTMLElement,
  app: PlaygroundApp,
  plugin: PrincipleChainPlugin,
  registered: standIn.Registrations,
  editor: PlaygroundEditor,
): void {
  toolbar.createDiv({ cls: 'pg-brand', text: 'Principle Chain playground' });
  const modes = toolbar.createDiv({ cls: 'pg-segmented', attr: { role: 'group', 'aria-label': 'Editor mode' } });
  for (const [mode, label] of [['live', 'Live Preview'], ['source', 'Source mode']] as const) {
    const button = modes.createEl('button', { text: label, attr: { 'data-mode': mode } });
    button.toggleClass('is-active', mode === 'live');
    button.addEventListener('click', () => toolbar.dispatchEvent(new CustomEvent('pg-mode', { detail: mode })));
  }
  const themes = toolbar.createDiv({ cls: 'pg-segmented', attr: { role: 'group', 'aria-label': 'Theme' } });
  for (const theme of ['light', 'dark'] as const) {
    const button = themes.createEl('button', { text: theme === 'light' ? 'Light' : 'Dark', attr: { 'data-theme': theme } });
    button.addEventListener('click', () => setTheme(theme));
  }
  setTheme(window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

  const commands = toolbar.createEl('select', { cls: 'dropdown pg-commands', attr: { 'aria-label': 'Run a command' } });
  commands.createEl('option', { text: 'Run a command…', value: '' });
  for (const command of registered.commands) commands.createEl('option', { text: command.name, value: command.id });
  commands.addEventListener('change', () => {
    const command = registered.commands.find((c) => c.id === commands.value);
    commands.value = '';
    if (command === undefined) return;
    const file = editor.currentFile;
    const ctx = { file } as unknown as obsidian.MarkdownView;
    const obsidianEditor = editor.api as unknown as obsidian.Editor;
    // Back to the editor first (its selection is what editor commands act on); a modal the
    // command opens then takes the focus.
    editor.view.focus();
    if (command.editorCallback) void command.editorCallback(obsidianEditor, ctx);
    else if (command.editorCheckCallback) command.editorCheckCallback(false, obsidianEditor, ctx);
    else if (command.checkCallback) command.checkCallback(false);
    else void command.callback?.();
  });

  const settings = toolbar.createEl('button', { text: 'Settings', cls: 'pg-settings-button' });
  settings.addEventListener('click', () => {
    const tab = registered.settingTabs[0];
    if (tab === undefined) return;
    const modal = new standIn.Modal(app as unknown as obsidian.App);
    modal.modalEl.addClass('mod-settings');
    modal.setTitle(`${plugin.manifest.name} settings`);
    // Drawn as Obsidian's settings modal draws it: from the tab's definitions on 1.13 and later.
    showSettingTab(tab);
    modal.contentEl.appendChild(tab.containerEl);
    modal.onClose = () => hideSettingTab(tab);
    modal.open();
  });
}

/** A small page preview: what the Page preview core plugin shows for a hover-link with Ctrl/Cmd. */
export function wireHoverPreview(app: PlaygroundApp): void {
  let popover: HTMLElement | null = null;
  const hide = (): void => {
    popover?.detach();
    popover = null;
  };
  app.workspace.on('hover-link', (...data: unknown[]) => {
    const info = data[0] as { event?: MouseEvent; targetEl?: HTMLElement; linktext: string; sourcePath: string };
    if (!info.event || !(info.event.ctrlKey || info.event.metaKey) || !info.targetEl) return;
    const file = app.metadataCache.getFirstLinkpathDest(info.linktext.split('#')[0], info.sourcePath);
    if (file === null) return;
    hide();
    const shown = document.body.createDiv({ cls: 'popover hover-popover', attr: { 'data-linktext': info.linktext } });
    popover = shown;
    const rect = info.targetEl.getBoundingClientRect();
    shown.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 420))}px`;
    shown.style.top = `${rect.bottom + 6}px`;
    void app.vault.cachedRead(file).then((text) => {
      renderMarkdown(text, shown.createDiv('markdown-preview-view markdown-rendered'), {
        isResolved: (linkpath) => app.metadataCache.getFirstLinkpathDest(linkpath, file.path) !== null,
      });
    });
    const target = info.targetEl;
    const leave = (): void => {
      target.removeEventListener('mouseleave', leave);
      window.setTimeout(() => {
        if (popover === shown && !shown.matches(':hover')) hide();
      }, 300);
    };
    target.addEventListener('mouseleave', leave);
    shown.addEventListener('mouseleave', () => {
      if (popover === shown) hide();
    });
  });
}
