/**
 * Finds where the plugin's sources use an Obsidian API that obsidian.d.ts marks `@since` a version
 * newer than a given one (manifest.json's minAppVersion). Names are resolved by the TypeScript
 * compiler, so an alias, an inherited member or an overload counts as what it resolves to.
 *
 * What counts, and why:
 * - A use that runs: a name read, a member read or called, `new`, a class's `extends`, a property of an
 *   object literal whose meaning Obsidian's types give where it is written (`{ gap }` given to
 *   setTooltip: an app older than the option ignores it), and a class member that overrides a newer
 *   Obsidian member (an older app never calls it, so what it does must be done another way there).
 * - Not a type-only use (an annotation, `import type`, `implements`, an interface's `extends`, a type
 *   argument): types are erased, so naming a newer interface changes nothing an older app runs. What
 *   is done with such a value (a member read or called, a class built) is a use and counts.
 * - A call counts with the `@since` of the overload it resolves to (Workspace.on with a newer event
 *   is newer than Workspace.on); a member named without a call (`setting.addText.bind`) with its
 *   earliest declaration's.
 * - A declaration without `@since` takes its nearest enclosing declaration's (a member its class's,
 *   a constructor its class's); with none at all (the DOM helpers obsidian.d.ts adds to globals) it
 *   is taken as old as the API and never counts.
 */
import * as path from 'path';
import * as ts from 'typescript';

/** One use of an Obsidian API newer than the version asked about. */
export interface NewerApiUse {
  /** The declaration's names within obsidian.d.ts: `SettingTab.update`, `Workspace.ensureSideLeaf.options.active`. */
  api: string;
  since: string;
  /** Relative to the project's root, with forward slashes. */
  file: string;
  line: number;
  /** `override`: a member of the plugin's class that Obsidian calls in place of its own. */
  kind: 'use' | 'override';
}

/** Negative, zero or positive as version `a` is older than, the same as or newer than `b` ("1.10.0" is newer than "1.9.9"). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The project's compiler options, and what the plugin is built from: main.ts and every file under src/. */
export function pluginSources(root: string): { options: ts.CompilerOptions; files: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`no tsconfig.json in ${root}`);
  return { options: parsed.options, files: parsed.fileNames.filter((file) => isPluginSource(root, file)) };
}

function isPluginSource(root: string, file: string): boolean {
  const relative = projectPath(root, file);
  return relative === 'main.ts' || (relative.startsWith('src/') && !relative.endsWith('.d.ts'));
}

function projectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** The obsidian.d.ts that the project's imports of 'obsidian' resolve to (node_modules may be a link elsewhere). */
export function obsidianDeclarationFile(root: string, options: ts.CompilerOptions): string {
  const resolved = ts.resolveModuleName('obsidian', path.join(root, 'main.ts'), options, ts.sys).resolvedModule;
  if (resolved === undefined) throw new Error(`'obsidian' does not resolve from ${root}`);
  return resolved.resolvedFileName;
}

/** The names of a declaration and of the declarations around it: `Workspace.ensureSideLeaf.options.active`. */
function qualifiedName(declaration: ts.Node): string {
  const names: string[] = [];
  for (let node = declaration; !ts.isSourceFile(node); node = node.parent) {
    const name = NAMED_DECLARATIONS.has(node.kind) ? ts.getNameOfDeclaration(node as ts.Declaration) : undefined;
    if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name))) names.unshift(name.text);
  }
  return names.join('.');
}

const NAMED_DECLARATIONS = new Set([
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.Parameter,
]);

/** The `@since` of a declaration, or of the nearest declaration around it that has one. */
function sinceOf(declaration: ts.Node): string | undefined {
  for (let node = declaration; !ts.isSourceFile(node); node = node.parent) {
    const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'since');
    const since = tag === undefined ? undefined : ts.getTextOfJSDocComment(tag.comment)?.trim();
    if (since !== undefined && since !== '') return since;
  }
  return undefined;
}

interface Dated {
  declaration: ts.Node;
  since: string;
}

/** The declaration that came first, of those with a known version. */
function earliest(declarations: readonly ts.Node[]): Dated | undefined {
  return declarations
    .map((declaration) => ({ declaration, since: sinceOf(declaration) }))
    .filter((dated): dated is Dated => dated.since !== undefined)
    .sort((a, b) => compareVersions(a.since, b.since))[0];
}

/**
 * Every use, in the files of `program` that `isSource` keeps (by default main.ts and src/), of an API
 * declared in `declarationFile` that is newer than `version`.
 */
export function newerApiUses(
  program: ts.Program,
  root: string,
  declarationFile: string,
  version: string,
  isSource: (file: string) => boolean = (file) => isPluginSource(root, file),
): NewerApiUse[] {
  const checker = program.getTypeChecker();
  const obsidianFile = program.getSourceFile(declarationFile);
  if (obsidianFile === undefined) throw new Error(`${declarationFile} is not part of the program`);
  const uses: NewerApiUse[] = [];

  const inObsidian = (declaration: ts.Node): boolean => declaration.getSourceFile() === obsidianFile;
  const obsidianDeclarations = (symbol: ts.Symbol | undefined): ts.Declaration[] => {
    if (symbol === undefined) return [];
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return (target.declarations ?? []).filter(inObsidian);
  };

  const record = (at: ts.Node, dated: Dated | undefined, kind: NewerApiUse['kind']): void => {
    if (dated === undefined || compareVersions(dated.since, version) <= 0) return;
    const source = at.getSourceFile();
    const line = source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1;
    uses.push({ api: qualifiedName(dated.declaration), since: dated.since, file: projectPath(root, source.fileName), line, kind });
  };

  // Most names in the sources are the plugin's own. Asking the checker only about names obsidian.d.ts
  // declares (and local names given to its imports) spares it most of the work.
  const declaredNames = new Set<string>();
  const collectNames = (node: ts.Node): void => {
    const name = NAMED_DECLARATIONS.has(node.kind) && !ts.isParameter(node) ? ts.getNameOfDeclaration(node as ts.Declaration) : undefined;
    if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name))) declaredNames.add(name.text);
    ts.forEachChild(node, collectNames);
  };
  collectNames(obsidianFile);

  /** `import { Notice as Toast }`: from here on, Toast may be Obsidian's too. */
  const noteRenamedImports = (declaration: ts.ImportDeclaration): void => {
    const bindings = declaration.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) return;
    for (const specifier of bindings.elements) {
      if (specifier.propertyName !== undefined && declaredNames.has(specifier.propertyName.text)) declaredNames.add(specifier.name.text);
    }
  };

  /** The call or `new` whose callee `name` is (`f()`, `x.f()`, `new C()`), if any. */
  const callOf = (name: ts.Node): ts.CallExpression | ts.NewExpression | undefined => {
    const callee = ts.isPropertyAccessExpression(name.parent) && name.parent.name === name ? name.parent : name;
    const call = callee.parent;
    return (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.expression === callee ? call : undefined;
  };

  const visitName = (name: ts.Identifier | ts.StringLiteral): void => {
    if (!declaredNames.has(name.text)) return;
    const declarations = obsidianDeclarations(checker.getSymbolAtLocation(name));
    if (declarations.length === 0) {
      visitLiteralProperty(name);
      visitDestructured(name);
      return;
    }
    const call = callOf(name);
    const overload = call === undefined ? undefined : checker.getResolvedSignature(call)?.declaration;
    const resolved = overload !== undefined && inObsidian(overload) ? earliest([overload]) : undefined;
    record(name, resolved ?? earliest(declarations), 'use');
  };

  /** A property of an object literal whose type where it is written is Obsidian's: `{ active: true }` given to ensureSideLeaf. */
  const visitLiteralProperty = (name: ts.Identifier | ts.StringLiteral): void => {
    const property = name.parent;
    const isPropertyName = (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property)) && property.name === name;
    if (!isPropertyName || !ts.isObjectLiteralExpression(property.parent)) return;
    const context = checker.getContextualType(property.parent);
    if (context === undefined) return;
    const alternatives = context.isUnion() ? context.types : [context];
    record(name, earliest(alternatives.flatMap((type) => obsidianDeclarations(checker.getPropertyOfType(type, name.text)))), 'use');
  };

  /** `const { containerEl } = this`: the name is a new variable's, and reads the member of the same name. */
  const visitDestructured = (name: ts.Identifier | ts.StringLiteral): void => {
    const element = name.parent;
    if (!ts.isBindingElement(element) || element.name !== name || element.propertyName !== undefined || !ts.isObjectBindingPattern(element.parent)) return;
    record(name, earliest(obsidianDeclarations(checker.getPropertyOfType(checker.getTypeAtLocation(element.parent), name.text))), 'use');
  };

  /** The members of a class that stand in for a member of an Obsidian class or interface it extends or implements. */
  const visitOverrides = (declaration: ts.ClassLikeDeclaration): void => {
    const bases = (declaration.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => checker.getTypeAtLocation(type)));
    for (const member of bases.length === 0 ? [] : declaration.members) {
      const name = member.name;
      if (name === undefined || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) continue;
      record(name, earliest(bases.flatMap((base) => obsidianDeclarations(checker.getPropertyOfType(base, name.text)))), 'override');
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      noteRenamedImports(node);
      return;
    }
    if (ts.isExportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) return;
    // A class's `extends` is an expression, evaluated when the class is defined; every other type node is erased.
    const classExtends = ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent) && ts.isClassLike(node.parent.parent);
    if (ts.isTypeNode(node) && !classExtends) return;
    if (ts.isClassLike(node)) visitOverrides(node);
    if (ts.isIdentifier(node)) visitName(node);
    // x['member'], and { 'member': … } given to Obsidian.
    if (ts.isStringLiteral(node) && (ts.isElementAccessExpression(node.parent) || ts.isPropertyAssignment(node.parent))) visitName(node);
    ts.forEachChild(node, visit);
  };

  for (const source of program.getSourceFiles()) if (isSource(source.fileName)) visit(source);
  return uses.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
