/** The tool's subcommands. Adding one is a new file and one line here. */
import { chainCommand } from './chain';
import { checkCommand } from './check';
import type { CliCommand } from './command';
import { graphCommand } from './graph';
import { refsCommand } from './refs';
import { repairCommand } from './repair';

export const COMMANDS: readonly CliCommand[] = [checkCommand, refsCommand, chainCommand, graphCommand, repairCommand];
