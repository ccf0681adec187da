/**
 * The plugin's settings tab: draws the settings form's rows (src/ui/settings) with Obsidian's
 * Setting API. Obsidian 1.13 and later draw it from getSettingDefinitions() and find each setting
 * in the settings search; older apps (minAppVersion is 1.7.2) call display(). Both draw the same
 * rows with the same controls.
 */
import { PluginSettingTab, requireApiVersion, Setting } from 'obsidian';
import type { App, Plugin, SettingDefinitionItem } from 'obsidian';
import { SettingsForm, type SettingsFormDeps } from '../ui/settings/form';
import type { SettingControl, SettingRow } from '../ui/settings/rows';

export class PrincipleChainSettingTab extends PluginSettingTab {
  private readonly form: SettingsForm;
  /** Whether display() drew what is shown (always before 1.13), so a redraw must draw again. */
  private drawnByDisplay = false;
  /** The drawn rows by name, where each row's message and visibility are shown. */
  private drawn = new Map<string, Setting>();

  constructor(app: App, plugin: Plugin, settings: SettingsFormDeps) {
    super(app, plugin);
    // getFolderByPath (1.5.7) and getAllFolders (1.6.6) are older than minAppVersion 1.7.2 (obsidian.d.ts).
    const folders = {
      has: (path: string) => app.vault.getFolderByPath(path) !== null,
      all: () => app.vault.getAllFolders(false).map((folder) => folder.path),
    };
    this.form = new SettingsForm(settings, () => this.redraw(), folders);
  }

  /** Obsidian 1.13+: the rows as definitions it draws and indexes for its settings search. */
  getSettingDefinitions(): SettingDefinitionItem[] {
    this.drawn = new Map();
    return this.form.sections().map((section) => ({
      type: 'group',
      heading: section.heading,
      items: section.rows.map((row) => ({
        name: row.name,
        desc: row.desc,
        aliases: row.aliases === undefined ? undefined : [...row.aliases],
        render: (setting: Setting) => {
          this.drawnByDisplay = false;
          this.drawRow(setting, row);
        },
      })),
    }));
  }

  /** Obsidian before 1.13 draws the tab through display(). */
  display(): void {
    this.draw();
  }

  hide(): void {
    this.form.flush();
    super.hide();
  }

  private draw(): void {
    const { containerEl } = this;
    containerEl.empty();
    this.drawnByDisplay = true;
    this.drawn = new Map();
    for (const section of this.form.sections()) {
      if (section.heading !== undefined) new Setting(containerEl).setName(section.heading).setHeading();
      for (const row of section.rows) this.drawRow(new Setting(containerEl).setName(row.name).setDesc(row.desc), row);
    }
  }

  /** After a change to the rows themselves (order, descriptions): redraw whichever way the app draws. */
  private redraw(): void {
    if (requireApiVersion('1.13.0')) this.update();
    if (this.drawnByDisplay) this.draw();
  }

  private drawRow(setting: Setting, row: SettingRow): void {
    this.drawn.set(row.name, setting);
    for (const control of row.controls) this.addControl(setting, control);
    this.showRowState(row.name, setting);
  }

  /** Adds the widget for a control; after each change, every row shows what the form says now. */
  private addControl(setting: Setting, control: SettingControl): void {
    const then =
      <T>(change: (value: T) => void) =>
      (value: T): void => {
        change(value);
        for (const [name, drawn] of this.drawn) this.showRowState(name, drawn);
      };
    switch (control.kind) {
      case 'dropdown':
        setting.addDropdown((dropdown) => {
          for (const [value, label] of control.options) dropdown.addOption(value, label);
          dropdown.setValue(control.value).onChange(then((value: string) => control.change(value)));
        });
        return;
      case 'text':
      case 'textarea': {
        const add = control.kind === 'text' ? setting.addText.bind(setting) : setting.addTextArea.bind(setting);
        add((text) => {
          if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder);
          text.setValue(control.value).onChange(then((value: string) => control.change(value)));
        });
        return;
      }
      case 'toggle':
        setting.addToggle((toggle) => toggle.setValue(control.value).setDisabled(control.disabled).onChange(then((on: boolean) => control.change(on))));
        return;
      case 'slider': {
        let shown: HTMLElement | null = null;
        setting.addSlider((slider) =>
          slider
            .setLimits(control.min, control.max, 1)
            .setValue(control.value)
            .onChange((value) => {
              shown?.setText(String(value));
              control.change(value);
            }),
        );
        // From 1.13 Obsidian shows a slider's value next to it (obsidian.d.ts, SliderComponent.setDynamicTooltip);
        // before, the value is ours to show.
        if (!requireApiVersion('1.13.0')) shown = setting.controlEl.createSpan({ cls: 'principle-chain-slider-value', text: String(control.value) });
        return;
      }
      case 'button':
        setting.addButton((button) => button.setButtonText(control.text).setDisabled(control.disabled).onClick(() => control.click()));
        return;
    }
  }

  /** Shows the row's message under its description (why a value is refused) and hides the row when the form says so. */
  private showRowState(name: string, setting: Setting): void {
    setting.settingEl.toggleClass('principle-chain-hidden', this.form.hidden(name));
    const problem = this.form.problem(name);
    let el = setting.infoEl.querySelector<HTMLElement>('.principle-chain-problem');
    if (el === null && problem === null) return;
    el ??= setting.infoEl.createDiv({ cls: 'principle-chain-problem' });
    el.setText(problem ?? '');
  }
}
