/**
 * How Obsidian's settings modal shows a plugin's tab, by app version. From 1.13 the app draws the
 * tab's getSettingDefinitions() itself (a group under its heading; a render row as a Setting named
 * and described by its definition, then handed to render) and redraws on update(); a tab without
 * definitions, and every tab before 1.13, is drawn by its display(). Its settings search looks in
 * the definitions stored when the tab was added.
 * Evidence: obsidian.d.ts 1.13.1 (SettingTab.getSettingDefinitions, update, settingItems;
 * SettingDefinitionBase.name/desc/aliases "used for rendering and search"; SettingDefinitionRender);
 * eslint-plugin-obsidianmd's no-deprecated-display ("display() is fully bypassed once
 * getSettingDefinitions() is present on 1.13+"). Unknown: the exact DOM of a group; `control` and
 * `page` definitions are not modelled and throw.
 */
import type * as obsidian from 'obsidian';
import { requireApiVersion } from './base';
import { Setting, type SettingTab } from './ui';

/** The fake's own tab behind a plugin's tab (whose type is the real declaration). */
function fakeOf(tab: obsidian.SettingTab): SettingTab {
  return tab as unknown as SettingTab;
}

/** Fake only: open the tab in the settings modal. */
export function showSettingTab(realTab: obsidian.SettingTab): void {
  const tab = fakeOf(realTab);
  const draw = (): void => {
    tab.containerEl.empty();
    if (requireApiVersion('1.13.0')) {
      tab.settingItems = tab.getSettingDefinitions();
      if (tab.settingItems.length > 0) {
        drawItems(tab.containerEl, tab.settingItems);
        return;
      }
    }
    tab.display();
  };
  tab.fakeOnUpdate = requireApiVersion('1.13.0') ? draw : null;
  draw();
}

/** Fake only: close the settings modal. */
export function hideSettingTab(realTab: obsidian.SettingTab): void {
  fakeOf(realTab).fakeOnUpdate = null;
  realTab.hide();
}

/** Fake only: the names of the settings the app's settings search finds for `query` (1.13 and later). */
export function searchSettings(tab: obsidian.SettingTab, query: string): string[] {
  const wanted = query.toLowerCase();
  const found: string[] = [];
  const visit = (items: readonly obsidian.SettingDefinitionItem[]): void => {
    for (const item of items) {
      if ('type' in item && (item.type === 'group' || item.type === 'list')) {
        visit(item.items ?? []);
        continue;
      }
      if ('type' in item) throw new Error('fake: page definitions are not modelled');
      if (item.searchable === false) continue;
      const desc = typeof item.desc === 'string' ? item.desc : (item.desc?.textContent ?? '');
      const haystack = [item.name, desc, ...(item.aliases ?? [])].join('\n').toLowerCase();
      if (haystack.includes(wanted)) found.push(item.name);
    }
  };
  visit(tab.settingItems);
  return found;
}

function drawItems(container: HTMLElement, items: readonly obsidian.SettingDefinitionItem[]): void {
  for (const item of items) {
    if ('type' in item && (item.type === 'group' || item.type === 'list')) {
      const group = container.createDiv('setting-group');
      if (item.heading !== undefined) new Setting(group).setName(item.heading).setHeading();
      drawItems(group, item.items ?? []);
      continue;
    }
    if ('type' in item) throw new Error('fake: page definitions are not modelled');
    if (item.control !== undefined || item.action !== undefined) throw new Error('fake: control and action definitions are not modelled');
    const setting = new Setting(container).setName(item.name);
    if (item.desc !== undefined) setting.setDesc(item.desc);
    if (item.render !== undefined) item.render(setting as unknown as obsidian.Setting, {} as obsidian.SettingGroup);
  }
}
