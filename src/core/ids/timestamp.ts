/** Date plausibility of timestamp-shaped IDs. Only ever consulted for IDs that name no note. */

/** Days of each month of a common year, by the month's number. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days of `month` (1 to 12) in `year`. Every remainder and comparison runs for every date: code V8
 * optimised on the first dates it met is not thrown away when a leap year's February comes late.
 */
export function daysInMonth(year: number, month: number): number {
  const leap = Number(year % 4 === 0) & (Number(year % 100 !== 0) | Number(year % 400 === 0));
  return DAYS_IN_MONTH[month] + (Number(month === 2) & leap);
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
