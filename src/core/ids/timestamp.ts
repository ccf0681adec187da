/** Date plausibility of timestamp-shaped IDs. Only ever consulted for IDs that name no note. */

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `digits` (YYYYMMDDHHmm, optionally followed by ss) names a moment that exists:
 * month 01–12, a day of that month, hour 00–23, minute and second 00–59.
 */
export function isPlausibleTimestamp(digits: string): boolean {
  if (!/^\d{12}(\d{2})?$/.test(digits)) return false;
  const part = (from: number) => Number(digits.slice(from, from + 2));
  const year = Number(digits.slice(0, 4));
  const month = part(4);
  const day = part(6);
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > daysInMonth(year, month)) return false;
  if (part(8) > 23 || part(10) > 59) return false;
  return digits.length === 12 || part(12) <= 59;
}
