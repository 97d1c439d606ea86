// Calendar dates as the app stores them: 'YYYY-MM-DD' strings with no time and no zone.
// Arithmetic goes through UTC so no local time zone or daylight-saving rule can shift a day.

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a real calendar date, or null for anything else (2023-02-30, 2024-1-5...). */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Parses or throws: for callers whose argument is a programming contract, not user input. */
export function requireIsoDate(value: string): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return parts;
}

/**
 * The date the device's own clock shows now, in its own time zone: the day a person at this
 * computer calls today (HQ in Ottawa at 21:00 is not yet in tomorrow's UTC date). For a post's
 * day, use localDateIn with the post's zone (fiscal.ts).
 */
export function deviceToday(now: Date = new Date()): string {
  return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = requireIsoDate(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + days);
  return formatIsoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}
