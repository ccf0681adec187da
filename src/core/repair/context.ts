/** Builds a RepairContext from plain data: the same wiring for the plugin, the CLI and tests. */
import type { IdFormat } from '../ids/formats';
import { createPathLookup, linkNamesFile, namesAFile, resolveLinkPath, withIdOwners, type LinkPathLookup } from '../index/linkTargets';
import type { LinkStyle } from '../settings';
import type { IdIndexReader, LinkParts, ReferenceForm } from '../types';
import type { RepairContext } from './types';

export interface RepairContextInput {
  readonly format: IdFormat;
  readonly index: IdIndexReader;
  /** Every file path in the vault (notes and attachments), or a lookup over them. */
  readonly paths: readonly string[] | LinkPathLookup;
  readonly renameHistory?: ReadonlyMap<string, readonly string[]>;
  readonly linkStyle?: LinkStyle;
}

/** A context whose links resolve the way Obsidian resolves them among `paths`. */
export function createRepairContext(input: RepairContextInput): RepairContext {
  // The index answers for Denote links (`denote:ID`), which name a note by its ID, not by a file.
  const lookup = withIdOwners(isLookup(input.paths) ? input.paths : createPathLookup(input.paths), input.index);
  return {
    format: input.format,
    index: input.index,
    renameHistory: input.renameHistory ?? new Map(),
    linkStyle: input.linkStyle ?? 'off',
    resolveLink: (link, form, sourcePath) => resolveLinkPath(link, form, sourcePath, lookup),
    // A link spelling out the name of its ID's owner, a file the vault holds, names that file: the
    // by-name lookup would find it. Most links are such, and this needs no lookup.
    namesFile: (link, form, sourcePath, ownerPath) =>
      (ownerPath !== undefined && linkNamesFile(link, form, ownerPath) && lookup.has(ownerPath)) || namesAFile(link, form, sourcePath, lookup),
  };
}

function isLookup(paths: readonly string[] | LinkPathLookup): paths is LinkPathLookup {
  return !Array.isArray(paths);
}

/** Whether the link names a file, as the planner asks it and the screen must ask it alike. */
export function linkNamesAFile(context: RepairContext, link: LinkParts, form: Exclude<ReferenceForm, 'bare'>, sourcePath: string, ownerPath: string | undefined): boolean {
  return context.namesFile(link, form, sourcePath, ownerPath);
}
