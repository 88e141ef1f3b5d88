// Small text helpers every export shares: dates and rates as Chinese documents write them, ID numbers
// masked inside free text, and cells that a spreadsheet could take for a formula made harmless. Pure.

import { maskIdNumber } from '../idcard.ts';

/** "2026-12-04" → "2026年12月4日" (Arabic numerals, as GB/T 9704 asks). */
export function dateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An ISO time → its local date, YYYY-MM-DD. */
export function localDate(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}

/** An ISO time → "2026-12-04 09:30" in local time. */
export function localTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/** A rate as a percentage with one decimal ("87.5%"); "—" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A rate rounded to a tenth of a percent, kept as a number (0.875), for a cell formatted 0.0%. */
export function rateValue(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 1000;
}

const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/gu;

/** Free text with any ID number in it masked (first 6, last 4), unless full numbers were asked for. */
export function scrubIds(text: string, fullIds: boolean): string {
  return fullIds ? text : text.replace(ID_IN_TEXT, (id) => maskIdNumber(id));
}

/** A CSV cell that a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe. */
export function neutraliseCsv(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const t = neutraliseCsv(value);
  return /[",\r\n]/u.test(t) ? `"${t.replace(/"/gu, '""')}"` : t;
}
