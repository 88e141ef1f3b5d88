// A person's 学历 / 文化程度, 出生年月 / 出生日期 and 年龄 cells, read as written and never guessed
// (the county's work plan asks for the age and education of the women on the committees).

import { normalizeText } from '../text.ts';

/** 学历 as written, trimmed; a blank or a placeholder (无, /, -) is null. */
export function educationCell(text: string): string | null {
  const t = normalizeText(text).trim();
  return t && !/^(无|\/|-|—|－)$/u.test(t) ? t : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const validYear = (y: number) => y >= 1900 && y <= 2100;

/** Excel's day number (1900 date system) → 'YYYY-MM-DD'; only for the years a living person is born in. */
function fromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 80000) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86400000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return y >= 1900 && y <= 2030 ? `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : null;
}

/**
 * 出生年月 / 出生日期: "1985.03", "1985年3月", "1985-03-01", "198503", "19850301", "1985/3/1", or a date cell
 * (a day number, when the cell held a number of date size). 'YYYY-MM' or 'YYYY-MM-DD'; null when it is none of these.
 */
export function birthDateCell(text: string, isNumber: boolean): string | null {
  const t = normalizeText(text).replace(/\s/gu, '');
  if (!t) return null;
  let m = /^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?$/u.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})?$/u.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = m[3] === undefined ? null : Number(m[3]);
    if (!validYear(y) || mo < 1 || mo > 12 || (d !== null && (d < 1 || d > 31))) return null;
    return d === null ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(d)}`;
  }
  if (isNumber && /^\d{4,5}$/u.test(t)) return fromSerial(Number(t));
  return null;
}

/** 年龄: "45", "45岁", "45周岁"; a whole number of years from 16 to 110, else null. */
export function statedAgeCell(text: string): number | null {
  const m = /^(\d{2,3})(岁|周岁)?$/u.exec(normalizeText(text).replace(/\s/gu, ''));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 16 && n <= 110 ? n : null;
}
