// Lint: Obsidian's recommended rules for the plugin, a validated manifest, and a pure core.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
// The sentence-case rule's own lists, so the configuration below changes them rather than replacing them.
import { DEFAULT_ACRONYMS } from 'eslint-plugin-obsidianmd/dist/lib/rules/ui/acronyms.js';
import { DEFAULT_BRANDS } from 'eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js';
import { restrictedGlobalsOptions } from 'eslint-plugin-obsidianmd/dist/lib/ruleOptions.js';
import tseslint from 'typescript-eslint';

// Node's globals for the few plain-JS files run by Node (TypeScript files get theirs from @types/node).
const nodeGlobals = { process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' };

/** The recommended set's restricted globals, less one that is right where it is used. */
const restrictedGlobalsWithout = (name) => restrictedGlobalsOptions.filter((option) => option !== name && option.name !== name);

const nodeOnly = ['fs', 'fs/*', 'path', 'path/*', 'node:*', 'os', 'child_process', 'url', 'process'];

/**
 * The layers, the folders they are, the layers each may not import, and the packages each may not
 * use. The core is pure (no Obsidian, no editor, no I/O); the command-line tool runs on Node, where
 * there is no Obsidian.
 */
const LAYERS = {
  core: {
    files: ['src/core/**/*.ts'],
    forbidden: ['ui', 'editor', 'cli', 'obsidian', 'main'],
    packages: [
      { group: ['obsidian'], message: 'src/core stays free of Obsidian; put adapters in src/obsidian.' },
      { group: ['@codemirror/*', '@lezer/*'], message: 'src/core stays free of the editor; put editor code in src/editor.' },
      { group: nodeOnly, message: 'src/core does no I/O; the CLI and adapters read files.' },
    ],
  },
  ui: { files: ['src/ui/**/*.ts'], forbidden: ['editor', 'cli', 'obsidian', 'main'], packages: [] },
  editor: { files: ['src/editor/**/*.ts'], forbidden: ['ui', 'cli', 'obsidian', 'main'], packages: [] },
  cli: {
    files: ['src/cli/**/*.ts'],
    forbidden: ['ui', 'editor', 'obsidian', 'main'],
    packages: [{ group: ['obsidian'], message: 'The command-line tool runs on Node, where there is no Obsidian.' }],
  },
  obsidian: { files: ['src/obsidian/**/*.ts'], forbidden: ['cli', 'main'], packages: [] },
  main: { files: ['main.ts'], forbidden: ['cli'], packages: [] },
};

/** The recommended set's banned packages (axios, moment, …), kept in the layers' own options of the same rule. */
const recommendedImportBans = obsidianmd.configs.recommended
  .filter((config) => config.files?.includes('**/*.{ts,cts,mts,tsx}'))
  .map((config) => config.rules?.['@typescript-eslint/no-restricted-imports'])
  .findLast((options) => Array.isArray(options))
  .slice(1);

/**
 * A relative import from a file of `layer` into the folder of `target` (main: the root main.ts).
 * Every file of a layer lies in src/<layer>/ or below, so reaching another layer takes at least one
 * `../` and then its name (no layer has a subfolder named like a layer); main.ts lies two levels up
 * at least (`../main` from src/cli/commands is the command-line tool's own main.ts).
 */
function layerImport(layer, target) {
  if (layer === 'main') return `^\\./src/${target}(/|$)`;
  if (target === 'main') return '^\\.\\./\\.\\./(\\.\\./)*main$';
  return `^(\\.\\./)+${target}(/|$)`;
}

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'main.js',
    'dist/',
    'bench/generated/',
    'test-artifacts/',
    'example-vault/',
    'coverage/',
    // Mutation testing's sandboxes and reports (npm run test:mutation).
    '.stryker-tmp/',
    'reports/',
    // Vendored third-party code (HyperMD's mode, test-only); see its README.
    'tests/editor/hypermd/*.js',
  ]),

  ...obsidianmd.configs.recommended,

  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Files outside tsconfig's include (configs, scripts, the benchmark) get its options too.
          allowDefaultProject: [
            '*.config.mjs',
            '*.config.js',
            'version-bump.mjs',
            'bin/*.js',
            'scripts/*.mjs',
            'scripts/*.ts',
            'bench/cli.ts',
            'bench/*.mjs',
            'playground/*.mjs',
            'tests/browser/*.js',
            'tests/architecture/*.mjs',
          ],
          defaultProject: 'tsconfig.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },

  {
    files: ['**/*.ts'],
    // TypeScript already reports undefined names, and knows type-only names that no-undef does not.
    rules: { 'no-undef': 'off' },
  },

  // Sentence case, with two corrections for this plugin's words: "Cursor" is on the rule's brand
  // list (the editor), so it would capitalise the text cursor in "Open ID under cursor"; and "IDs",
  // the plural of the acronym ID, would become "ids" (as an acronym, "IDS").
  {
    files: ['**/*.ts'],
    rules: {
      'obsidianmd/ui/sentence-case': [
        'warn',
        { enforceCamelCaseLower: true, brands: DEFAULT_BRANDS.filter((brand) => brand !== 'Cursor'), acronyms: DEFAULT_ACRONYMS, ignoreWords: ['IDs'] },
      ],
    },
  },

  // This file names lookbehind syntax in the message that rejects it in custom patterns; the rule
  // reads every string containing "?<=" as a lookbehind, and inline disables of obsidianmd rules
  // are banned by the recommended set, so the exception lives here.
  {
    files: ['src/core/ids/formats.ts'],
    rules: { 'obsidianmd/regex-lookbehind': 'off' },
  },

  // The recommended set checks manifest.json's shape only when the file is parsed as an object
  // expression, which typescript-eslint's parser does for .json files.
  {
    files: ['manifest.json'],
    languageOptions: { parser: tseslint.parser },
    extends: [tseslint.configs.disableTypeChecked],
    plugins: { obsidianmd },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },

  {
    files: ['package.json'],
    rules: {
      // The "native" preset bans builtin-modules in favour of node:module's builtinModules, but the
      // design card keeps it: esbuild.config.mjs marks every Node builtin external with it, as the
      // official sample plugin does. Every other ban stays on.
      'depend/ban-dependencies': ['error', { presets: ['native', 'microutilities', 'preferred'], allowed: ['builtin-modules'] }],
    },
  },

  // Imports point one way: core <- ui, editor, cli <- obsidian (the adapters) <- main.ts. Each
  // folder's block forbids every layer it may not import (above it or beside it); there is no
  // exception list. tests/architecture checks these blocks and the import graph's cycles.
  ...Object.entries(LAYERS).map(([layer, { files, forbidden, packages }]) => ({
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: recommendedImportBans,
          patterns: [
            ...packages,
            ...forbidden.map((target) => ({
              regex: layerImport(layer, target),
              message: `${layer === 'main' ? 'main.ts' : `src/${layer}`} may not import ${target === 'main' ? 'main.ts' : `src/${target}`}: imports point one way, core <- ui, editor, cli <- obsidian <- main.ts.`,
            })),
          ],
        },
      ],
    },
  })),

  // The core is pure TypeScript: no DOM and no app.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'activeWindow', 'activeDocument', 'navigator', 'createEl', 'createDiv', 'createSpan', 'app'].map((name) => ({
          name,
          message: 'src/core has no DOM or app; take what you need as arguments.',
        })),
      ],
    },
  },

  // Node-side code: the command-line tool, build and helper scripts run on Node, never in Obsidian.
  {
    files: [
      'src/cli/**/*.ts',
      'scripts/**/*.{mjs,ts}',
      'bench/**/*.{mjs,ts}',
      'bin/**/*.js',
      '*.config.{js,mjs}',
      'version-bump.mjs',
      'playground/*.mjs',
      'tests/browser/*.js',
      'tests/architecture/*.mjs',
    ],
    languageOptions: { globals: nodeGlobals },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
    },
  },
  {
    // CommonJS run directly by Node or Jest.
    files: ['bin/**/*.js', '*.config.js', 'tests/browser/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.{mjs,ts}', 'bench/**/*.{mjs,ts}', 'bin/**/*.js', 'version-bump.mjs', 'src/cli/**/*.ts', 'playground/*.mjs', 'tests/browser/*.js'],
    rules: {
      // A command-line tool talks through stdout and stderr.
      'obsidianmd/rule-custom-message': 'off',
      'no-console': 'off',
    },
  },
  {
    // The command-line tool reads a vault on disk, where there is no Vault#configDir to ask: it uses
    // Obsidian's default folder name and takes --config-dir for vaults set up with another.
    files: ['src/cli/**/*.ts'],
    rules: { 'obsidianmd/hardcoded-config-path': 'off' },
  },

  // Tests drive fakes and jsdom, and the playground is a browser page standing in for Obsidian:
  // they use document, globalThis, bare timers and Node modules on purpose, and cast freely to reach
  // fake-only members. Keep the type-aware correctness rules, drop the rules about how a plugin
  // should behave inside Obsidian.
  {
    files: ['tests/**/*.ts', 'playground/**/*.ts'],
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      'obsidianmd/prefer-create-el': 'off',
      'obsidianmd/prefer-instanceof': 'off',
      'obsidianmd/no-tfile-tfolder-cast': 'off',
      'obsidianmd/hardcoded-config-path': 'off',
      'obsidianmd/ui/sentence-case': 'off',
      'obsidianmd/prefer-file-manager-trash-file': 'off',
      'obsidianmd/no-static-styles-assignment': 'off',
      'obsidianmd/rule-custom-message': 'off',
      // Tests feed lookbehind patterns to the validator to see them rejected.
      'obsidianmd/regex-lookbehind': 'off',
      // The fake and the playground play every app version, 1.13's settings API included.
      'obsidianmd/no-unsupported-api': 'off',
      'import/no-extraneous-dependencies': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // toEqual passes [1, undefined] for [1] and { a: undefined } for {}: a test written with it
      // cannot fail when the code adds such an item. `.not.toEqual` stays (its strict form is weaker).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name="toEqual"]:not([object.property.name="not"])',
          message: 'Use toStrictEqual: toEqual ignores undefined items and properties.',
        },
      ],
    },
  },

  // The playground checks the production main.js the way Obsidian loads it: as the body of a
  // function taking require, module and exports.
  {
    files: ['playground/productionCheck.ts'],
    rules: { '@typescript-eslint/no-implied-eval': 'off' },
  },
  // ...and it is a web page, not Obsidian: it loads that main.js with the browser's fetch, as
  // requestUrl does not exist there. Every other restricted global stays restricted.
  {
    files: ['playground/productionPanel.ts'],
    rules: { 'no-restricted-globals': ['warn', ...restrictedGlobalsWithout('fetch')] },
  },
]);
