/** @jest-environment jsdom */
/**
 * Reading view agrees with the core on the word rule: rendered text nodes are matched by the same
 * prose finder, so IDs in Japanese prose link, and astral letters and combining marks join a word.
 */
import type { MarkdownPostProcessorContext } from 'obsidian';
import type { MarkdownRenderChild } from '../mocks/obsidian';
import { scanReferences } from '../../src/core/ids/scanner';
import { TWELVE_DIGIT } from '../../src/core/ids/formats';
import { readingViewDeps } from '../../src/obsidian/readingView';
import { decorateRendered } from '../../src/ui/reading/decorate';
import { fakeServices } from './fakeServices';

const A = '202001011200';
const B = '202002021200';

afterEach(() => document.body.replaceChildren());

function linkedIn(paragraph: string): string[] {
  const services = fakeServices({ [`${A} Small steps.md`]: '', [`${B} Write it down.md`]: '' });
  const el = document.createElement('div');
  el.createEl('p', { text: paragraph });
  const ctx = {
    docId: 'doc',
    sourcePath: 'notes/Source.md',
    frontmatter: null,
    addChild: (child: MarkdownRenderChild) => child.load(),
    getSectionInfo: () => null,
  } as unknown as MarkdownPostProcessorContext;
  document.body.appendChild(el);
  decorateRendered(el, ctx, readingViewDeps(services));
  return Array.from(el.querySelectorAll('a.principle-chain-id')).map((a) => a.textContent ?? '');
}

describe('Reading view links what the core counts', () => {
  test.each<[string, string, string[]]>([
    ['Japanese prose', `詳細は${A}を参照。（${B}と比較）`, [A, B]],
    ['Korean prose', `참고${A}문서`, [A]],
    ['astral letter joins', `\u{1D400}${A} ${B}`, [B]],
    ['combining mark joins', `e\u0301${A} ${B}`, [B]],
    ['Latin still joins', `abc${A} ${B}`, [B]],
  ])('%s', (_name, text, expected) => {
    expect(scanReferences(text, TWELVE_DIGIT).map((r) => r.id)).toStrictEqual(expected);
    expect(linkedIn(text)).toStrictEqual(expected);
  });
});
