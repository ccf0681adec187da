// Runs the import rule that eslint.config.mjs sets for each file on probe imports, and prints which
// imports it reports. Jest cannot load the ESM config itself, so tests/architecture runs this in Node.
// stdin: [{ file, specifier }]; stdout: the same list, each with `reported` (one boolean per import form).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';
const root = path.resolve(import.meta.dirname, '../..');
const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const linter = new Linter({ cwd: root });
const optionsByFile = new Map();
const results = [];
for (const { file, specifier } of probes) {
  if (!optionsByFile.has(file)) optionsByFile.set(file, (await eslint.calculateConfigForFile(path.join(root, file))).rules[RULE]);
  // One import per line, in each form an import can take: a value, a type, a re-export.
  const forms = [`import { a } from '${specifier}';`, `import type { B } from '${specifier}';`, `export { c } from '${specifier}';`];
  const messages = linter.verify(
    forms.join('\n'),
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin }, rules: { [RULE]: optionsByFile.get(file) } }],
    { filename: path.join(root, file) },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  results.push({ file, specifier, reported: forms.map((_, i) => messages.some((message) => message.line === i + 1)) });
}
process.stdout.write(JSON.stringify(results));
