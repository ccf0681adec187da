/** Everything the tool touches outside itself, so tests can run it without a terminal or a disk. */
import type { OutputStyle } from './textLayout';
import type { VaultFs } from './vaultFs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder relative paths on the command line are taken from, and the vault when none is given. */
  readonly cwd: string;
  readonly version: string;
  readonly fs: VaultFs;
  /** How text on stdout looks (wrapped, coloured); plain when absent. */
  readonly style?: OutputStyle;
}
