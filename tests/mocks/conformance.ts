/**
 * Compile-time proof that the fake's members have the real obsidian 1.13.1 signatures: the type
 * check (`npm test` runs it first) fails here when the fake drifts from the declarations. Each
 * entry picks the members the fake implements; overloaded `on` methods are left to Events.
 */
import type * as real from 'obsidian';
import type * as fake from './obsidian';

interface Fakes {
  events: fake.Events;
  component: fake.Component;
  file: fake.TFile;
  folder: fake.TFolder;
  notice: fake.Notice;
  modal: fake.Modal;
  suggestModal: fake.SuggestModal<string>;
  fuzzySuggestModal: fake.FuzzySuggestModal<string>;
  setting: fake.Setting;
  text: fake.TextComponent;
  textArea: fake.TextAreaComponent;
  toggle: fake.ToggleComponent;
  dropdown: fake.DropdownComponent;
  slider: fake.SliderComponent;
  button: fake.ButtonComponent;
  settingTab: fake.PluginSettingTab;
  itemView: fake.ItemView;
  markdownView: fake.MarkdownView;
  renderChild: fake.MarkdownRenderChild;
  menu: fake.Menu;
  menuItem: fake.MenuItem;
  leaf: fake.WorkspaceLeaf;
  vault: fake.Vault;
  metadataCache: fake.MetadataCache;
  fileManager: fake.FileManager;
  workspace: fake.Workspace;
  app: fake.App;
  plugin: fake.Plugin;
  scope: fake.Scope;
  isModEvent: typeof fake.Keymap.isModEvent;
  isModifier: typeof fake.Keymap.isModifier;
  platform: typeof fake.Platform;
  normalizePath: typeof fake.normalizePath;
  debounce: typeof fake.debounce;
  setIcon: typeof fake.setIcon;
  setTooltip: typeof fake.setTooltip;
  editorInfoField: typeof fake.editorInfoField;
  editorLivePreviewField: typeof fake.editorLivePreviewField;
  apiVersion: typeof fake.apiVersion;
  requireApiVersion: typeof fake.requireApiVersion;
}

type ModalMembers = 'containerEl' | 'modalEl' | 'titleEl' | 'contentEl' | 'shouldRestoreSelection' | 'open' | 'close' | 'onOpen' | 'onClose' | 'scope';
type SuggestMembers = ModalMembers | 'limit' | 'emptyStateText' | 'inputEl' | 'resultContainerEl' | 'setPlaceholder' | 'setInstructions' | 'onNoSuggestion' | 'selectSuggestion' | 'selectActiveSuggestion' | 'getSuggestions' | 'renderSuggestion' | 'onChooseSuggestion';
type ViewMembers = 'containerEl' | 'icon' | 'navigation' | 'getState' | 'getEphemeralState' | 'getIcon' | 'onResize' | 'load' | 'unload' | 'register' | 'registerEvent';

interface Reals {
  events: real.Events;
  component: real.Component;
  file: real.TFile;
  folder: real.TFolder;
  notice: real.Notice;
  modal: Pick<real.Modal, ModalMembers>;
  suggestModal: Pick<real.SuggestModal<string>, SuggestMembers>;
  fuzzySuggestModal: Pick<real.FuzzySuggestModal<string>, SuggestMembers | 'getItems' | 'getItemText' | 'onChooseItem'>;
  // Setting's builder methods return `this`, which would demand every control type; compare its elements.
  setting: Pick<real.Setting, 'settingEl' | 'infoEl' | 'nameEl' | 'descEl' | 'controlEl' | 'errorEl'>;
  text: real.TextComponent;
  textArea: real.TextAreaComponent;
  toggle: real.ToggleComponent;
  dropdown: real.DropdownComponent;
  slider: real.SliderComponent;
  button: real.ButtonComponent;
  settingTab: Pick<real.PluginSettingTab, 'containerEl' | 'icon' | 'display' | 'hide' | 'settingItems' | 'getSettingDefinitions' | 'update'>;
  itemView: Pick<real.ItemView, ViewMembers | 'contentEl' | 'addAction' | 'getViewType' | 'getDisplayText'>;
  markdownView: Pick<real.MarkdownView, ViewMembers | 'file' | 'getMode' | 'getViewData' | 'setViewData' | 'clear' | 'getViewType' | 'getDisplayText'>;
  renderChild: real.MarkdownRenderChild;
  menu: real.Menu;
  menuItem: real.MenuItem;
  leaf: Pick<real.WorkspaceLeaf, 'openFile' | 'getViewState' | 'setViewState' | 'getDisplayText' | 'detach'>;
  vault: Pick<
    real.Vault,
    'configDir' | 'getName' | 'getRoot' | 'getAbstractFileByPath' | 'getFileByPath' | 'getFolderByPath' | 'getFiles' | 'getMarkdownFiles' | 'getAllLoadedFiles' | 'getAllFolders' | 'create' | 'createFolder' | 'read' | 'cachedRead' | 'modify' | 'append' | 'process' | 'rename' | 'delete' | 'trash' | 'off' | 'offref' | 'trigger'
  >;
  metadataCache: Pick<real.MetadataCache, 'getFileCache' | 'getCache' | 'getFirstLinkpathDest' | 'fileToLinktext' | 'resolvedLinks' | 'unresolvedLinks'>;
  fileManager: Pick<real.FileManager, 'renameFile' | 'trashFile' | 'generateMarkdownLink'>;
  workspace: Pick<real.Workspace, 'layoutReady' | 'onLayoutReady' | 'getActiveFile' | 'openLinkText' | 'revealLeaf' | 'updateOptions'>;
  app: Pick<real.App, 'isDarkMode' | 'loadLocalStorage' | 'saveLocalStorage' | 'lastEvent'>;
  plugin: Pick<
    real.Plugin,
    'manifest' | 'addRibbonIcon' | 'addStatusBarItem' | 'addCommand' | 'removeCommand' | 'addSettingTab' | 'registerView' | 'registerHoverLinkSource' | 'registerMarkdownPostProcessor' | 'registerEditorExtension' | 'loadData' | 'saveData' | 'load' | 'unload' | 'addChild'
  >;
  scope: Pick<real.Scope, 'register' | 'unregister'>;
  isModEvent: typeof real.Keymap.isModEvent;
  isModifier: typeof real.Keymap.isModifier;
  platform: typeof real.Platform;
  normalizePath: typeof real.normalizePath;
  debounce: typeof real.debounce;
  setIcon: typeof real.setIcon;
  setTooltip: typeof real.setTooltip;
  editorInfoField: typeof real.editorInfoField;
  editorLivePreviewField: typeof real.editorLivePreviewField;
  apiVersion: typeof real.apiVersion;
  requireApiVersion: typeof real.requireApiVersion;
}

/** Never called: the type checker checking its return statement is the test. */
export function fakesConformToObsidian(fakes: Fakes): Reals {
  return fakes;
}
