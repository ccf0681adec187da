import { parser as baseParser } from '@lezer/markdown';
import { obsidianMarkdownSyntax } from '../../playground/markdownSyntax';

const parser = baseParser.configure([...obsidianMarkdownSyntax]);
const OBSIDIAN_NODES = new Set(['WikiLink', 'InlineMath', 'BlockMath', 'PercentComment']);

/** The Obsidian-syntax nodes in the text, as `Name:text`. */
function nodes(text: string): string[] {
  const found: string[] = [];
  parser.parse(text).iterate({
    enter: (node) => {
      if (OBSIDIAN_NODES.has(node.name)) found.push(`${node.name}:${text.slice(node.from, node.to)}`);
    },
  });
  return found;
}

describe('Obsidian syntax for lang-markdown', () => {
  test.each<[string, string[]]>([
    ['see [[202108191025 Teams]] now', ['WikiLink:[[202108191025 Teams]]']],
    ['see [[202108191025|alias]] and [[x#h]]', ['WikiLink:[[202108191025|alias]]', 'WikiLink:[[x#h]]']],
    ['embed ![[202108191025.png]] here', ['WikiLink:![[202108191025.png]]']],
    ['open [[ never closed', []],
    ['a [[link\nacross]] lines', []],
    ['math $x_202108191025$ done', ['InlineMath:$x_202108191025$']],
    ['display $$a + b$$ inline', ['InlineMath:$$a + b$$']],
    ['costs $5 and $6 each', []],
    ['a $ b $ c', []],
    ['note %%hidden 202108191025%% shown', ['PercentComment:%%hidden 202108191025%%']],
    ['`$x$` stays code', []],
    ['$$\n202108191025\n$$\nafter', ['BlockMath:$$\n202108191025\n$$']],
    ['%%\nsecret 202108191025\n%%\nafter', ['PercentComment:%%\nsecret 202108191025\n%%']],
    ['$$\nnever closed 202108191025', ['BlockMath:$$\nnever closed 202108191025']],
    ['%% short %% then 202108191025', ['PercentComment:%% short %%']],
    ['para\n$$\nx\n$$', ['BlockMath:$$\nx\n$$']],
    ['para\n$$x$$ more\nend', ['InlineMath:$$x$$']],
  ])('%j', (text, expected) => {
    expect(nodes(text)).toStrictEqual(expected);
  });

  test('text after a closed block is parsed as Markdown again', () => {
    const tree = parser.parse('$$\nx\n$$\n`code`');
    const names: string[] = [];
    tree.iterate({ enter: (node) => void names.push(node.name) });
    expect(names).toContain('InlineCode');
  });
});
