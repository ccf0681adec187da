/** Everything the tool touches outside itself, so tests can run it without a terminal or a disk. */
import type { VaultFs } from './vaultFs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The folder relative paths on the command line are taken from. */
  readonly cwd: string;
  /** The vault used when no --vault is given: the example vault shipped beside the tool. */
  readonly defaultVault: string;
  readonly version: string;
  readonly fs: VaultFs;
}
