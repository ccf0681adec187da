/** Wires the editor extension into Obsidian: its state fields, modifier rules, opening and page preview. */
import { editorInfoField, editorLivePreviewField, Keymap, Platform, type Plugin } from 'obsidian';
import { linktextFor } from './linktext';
import { linktextCanName } from '../core/linktext';
import type { IdServices } from './services';
import { idLinksExtension, type EditorLinkDeps } from '../editor/idLinks';

/** The hover link source the 'Page preview' core plugin lists for editor IDs. */
export const HOVER_SOURCE_ID = 'principle-chain';

/** The extension's dependencies, taken from Obsidian and the plugin's services. */
export function obsidianEditorDeps(services: IdServices): EditorLinkDeps {
  return {
    index: services.index,
    format: () => services.format(),
    settings: () => services.settings(),
    onIndexChange: (listener) => services.onIndexChange(listener),
    sourcePath: (state) => state.field(editorInfoField, false)?.file?.path ?? null,
    isLivePreview: (state) => state.field(editorLivePreviewField, false) ?? false,
    isMobile: () => Platform.isMobile,
    paneType: (event) => Keymap.isModEvent(event),
    open: (id, sourcePath, paneType) => void services.openId(id, sourcePath, paneType),
    hover: ({ event, targetEl, id, sourcePath, state }) => {
      const hoverParent = state.field(editorInfoField, false);
      const resolution = services.index.resolve(id);
      // Only a single target can be previewed; ambiguous and unresolved IDs open a chooser or an offer instead.
      if (hoverParent === undefined || resolution.status !== 'resolved') return;
      // The preview finds its note by link text, which cannot name this one: it would show another note.
      if (!linktextCanName(resolution.paths[0])) return;
      // The payload Obsidian's page preview reads (the shape public plugins trigger it with, e.g.
      // breadcrumbs' matrix view; the source is the one registered below).
      services.app.workspace.trigger('hover-link', {
        event,
        source: HOVER_SOURCE_ID,
        hoverParent,
        targetEl,
        linktext: linktextFor(services.app, resolution.paths[0], sourcePath),
        sourcePath,
      });
    },
  };
}

/** Registers bare-ID links in Live Preview and Source mode, with their page preview source. */
export function registerEditorLinks(plugin: Plugin, services: IdServices): void {
  plugin.registerHoverLinkSource(HOVER_SOURCE_ID, { display: 'Principle Chain', defaultMod: true });
  plugin.registerEditorExtension(idLinksExtension(obsidianEditorDeps(services)));
}
