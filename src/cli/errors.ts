/** A problem with how the tool was called or with the vault it was pointed at: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The vault was read but holds nothing the tool can work on (no Markdown, or no note with an ID in
 * the chosen format): exit code 1, so a wrong folder or format never passes as "no problems".
 */
export class NothingToCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToCheckError';
  }
}
