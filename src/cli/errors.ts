/** A problem with how the tool was called or with the vault it was pointed at: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
