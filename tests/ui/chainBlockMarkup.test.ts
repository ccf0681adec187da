/** @jest-environment jsdom */
/**
 * The `principle-chain` code block's markup, approved whole: Obsidian's internal links (which its
 * click, hover preview and menu act on), the flags, the context lines with the cited ID marked, the
 * ambiguous and unresolved IDs, "… N more", the limit's note and the list view, in the states a vault
 * gives. styles.css styles these classes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as obsidian from 'obsidian';
import { Component, Plugin } from '../mocks/obsidian';
import { approvalsIn } from '../approval';
import { CHAIN_BLOCK_LANGUAGE, registerChainBlocks } from '../../src/obsidian/codeBlock';
import { fakeServices } from '../obsidian/fakeServices';
import { markup } from './markup';

const STYLES = fs.readFileSync(path.join(__dirname, '../../styles.css'), 'utf8');

const NOTES: Record<string, string> = {
  '202101010000 Root.md': 'Builds on 202101010001 and 202101010002, and again 202101010001.\nSee also 202101010005 and 202112311159.\n',
  '202101010001 First.md': '- Then 202101010003 Deep, and back to 202101010000.',
  '202101010002 Second.md': 'Names 202101010006, then 202101010003 again, and 202112301159.',
  '202101010003 Deep.md': 'The end. See [[202101010006|the bare one]].',
  '202101010005 One.md': '',
  'x/202101010005 Two.md': '',
  '202101010006.md': '',
  'Daily/2021-01-01.md': 'Read 202101010000 today.',
  '202101010007 C# tips.md': 'Builds on 202101010003.',
};

/** Each block's source, drawn in the root note. */
const BLOCKS: [string, string][] = [
  ['tree, both directions, with context', 'context: true'],
  ['list', 'show: list\ndirection: out'],
  ['past its limit', 'direction: out\nlimit: 2'],
  ['past its limit before the incoming section', 'limit: 1'],
  ['past its limit inside entries', 'direction: out\nlimit: 5'],
  ['incoming with context, from an ID', 'start: 202101010003\ndirection: in\ncontext: true'],
  ['an unresolved start', 'start: 202112311159'],
  ['a problem', 'depth: 0'],
  ['from a note whose name holds #', 'start: 202101010007\ndirection: out\ndepth: 1'],
];

function drawn(source: string): HTMLElement {
  const services = fakeServices(NOTES);
  const plugin = new (class extends Plugin {})(services.app, { id: 'principle-chain' } as obsidian.PluginManifest);
  plugin.load();
  registerChainBlocks(plugin as unknown as obsidian.Plugin, services);
  const section = new Component();
  section.load();
  const el = document.body.createDiv();
  const handler = plugin.registered.codeBlockProcessors.get(CHAIN_BLOCK_LANGUAGE)!;
  void handler(source, el, { sourcePath: '202101010000 Root.md', addChild: (child: Component) => section.addChild(child) } as unknown as obsidian.MarkdownPostProcessorContext);
  return el;
}

afterEach(() => document.body.empty());

test('code blocks draw the approved markup', () => {
  const text = BLOCKS.map(([name, source]) => `## ${name}\n${source}\n\n${markup(drawn(source)).join('\n')}\n`).join('\n');
  approvalsIn(path.join(__dirname, 'approved'))('chain-blocks.approved.txt', text);
});

test('every class styles.css styles for code blocks is drawn in one of those states', () => {
  const classes = new Set(BLOCKS.flatMap(([, source]) => Array.from(drawn(source).querySelectorAll('*'), (el) => Array.from(el.classList)).flat()));
  const styled = new Set(Array.from(STYLES.matchAll(/\.(pc-block[\w-]*)/g), (match) => match[1]));
  expect([...styled].filter((name) => !classes.has(name) && !drawn('').classList.contains(name))).toStrictEqual([]);
});
