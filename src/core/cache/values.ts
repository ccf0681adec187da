/** Checks of values read back from the cache's JSON. */

/** A whole, non-negative number JSON keeps exactly. */
export function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Modification times may carry fractions of a millisecond on some platforms; JSON keeps them exactly. */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}
