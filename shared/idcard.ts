// Resident ID numbers (公民身份号码, GB 11643). Pure: runs in Node and in the browser.
import type { Gender } from './model.ts';

export type IdProblem = 'empty' | 'format' | 'checksum' | 'birthdate' | 'number-truncated';

export interface IdCheck {
  /** The cell text after NFKC, without whitespace, x → X, exponent notation expanded to digits. */
  normalized: string;
  kind: 'id18' | 'id15' | 'other';
  valid: boolean;
  /** Only from a valid number; 'unknown' whenever the number cannot be trusted. */
  gender: Gender;
  /** YYYY-MM-DD when the date digits form a real date, even if the number fails otherwise. */
  birthDate: string | null;
  problem: IdProblem | null;
}

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an 18-character ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year, month and day form a real calendar date in 1900–2100. */
function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]);
}

/** "YYYYMMDD" → "YYYY-MM-DD" when it is a real calendar date in 1900–2100, else null. */
function realDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/u.test(yyyymmdd)) return null;
  if (!isRealDate(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)))) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** The number the digits at s[from..to) spell (all digits, checked by the caller). */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * A clean 18-character text ID, the common case (once per person per check): the same answer as the
 * general path below, without its regular expressions and substrings.
 */
function checkClean18(s: string): IdCheck {
  const y = digitsAt(s, 6, 10);
  const m = digitsAt(s, 10, 12);
  const d = digitsAt(s, 12, 14);
  if (!isRealDate(y, m, d)) return fail(s, 'id18', 'birthdate');
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * WEIGHTS[i];
  if (CHECK_CHARS.charCodeAt(sum % 11) !== s.charCodeAt(17)) return fail(s, 'id18', 'checksum', birthDate);
  return { normalized: s, kind: 'id18', valid: true, gender: (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female', birthDate, problem: null };
}

function genderFromDigit(digit: string): Gender {
  return Number(digit) % 2 === 1 ? 'male' : 'female';
}

/**
 * "3.30122198207071E+17" → { digits: "330122198207071000", padded: true }. `padded` says that zeros were
 * invented to fill the integer, i.e. digits were lost. Null when the text is not an integer in E notation.
 */
function expandExponent(s: string): { digits: string; padded: boolean } | null {
  const m = /^(\d+)(?:\.(\d*))?E\+?(\d+)$/u.exec(s);
  if (!m) return null;
  const mantissa = (m[1] + (m[2] ?? '')).replace(/^0+(?=\d)/u, '');
  const intLength = m[1].replace(/^0+(?=\d)/u, '').length + Number(m[3]);
  if (intLength > 40) return null; // no ID is that long; avoid building huge strings
  if (mantissa.length > intLength) {
    // A fraction remains: only acceptable if what remains is zeros.
    if (!/^0*$/u.test(mantissa.slice(intLength))) return null;
    return { digits: mantissa.slice(0, intLength), padded: false };
  }
  return { digits: mantissa + '0'.repeat(intLength - mantissa.length), padded: intLength > mantissa.length };
}

const CLEAN_ID18 = /^\d{17}[\dX]$/;

function fail(normalized: string, kind: IdCheck['kind'], problem: IdProblem, birthDate: string | null = null): IdCheck {
  return { normalized, kind, valid: false, gender: 'unknown', birthDate, problem };
}

function normalizeIdText(raw: unknown): string {
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '')
    .replace(/^'/u, '') // Excel's "treat as text" apostrophe, when it leaks into CSV or pasted text
    .toUpperCase();
}

/**
 * Checks one ID cell. `fromNumber`: the cell held a number, so Excel kept only 15 significant digits and an
 * 18-digit number has lost its tail (its gender digit included) — it is never trusted then.
 */
export function checkIdNumber(raw: string, opts: { fromNumber?: boolean } = {}): IdCheck {
  // The common case, a clean 18-character text ID, skips normalising (this runs once per person).
  const clean = CLEAN_ID18.test(raw);
  if (clean && opts.fromNumber !== true) return checkClean18(raw);
  let s = clean ? raw : normalizeIdText(raw);
  if (s === '') return fail(s, 'other', 'empty');

  // E notation is how a number cell looks once displayed or saved to CSV: always a number, often truncated.
  let digitsLost = false;
  const expanded = expandExponent(s);
  if (expanded) {
    s = expanded.digits;
    digitsLost = expanded.padded;
  }
  const fromNumber = opts.fromNumber === true || expanded !== null;

  if (/^\d{17}[\dX]$/u.test(s)) {
    const birthDate = realDate(s.slice(6, 14));
    // A number cannot hold 18 significant digits (Excel keeps 15): even a passing check would be luck.
    if (digitsLost || (fromNumber && /^\d{18}$/u.test(s))) return fail(s, 'id18', 'number-truncated', birthDate);
    if (!birthDate) return fail(s, 'id18', 'birthdate');
    if (idCheckChar(s) !== s[17]) return fail(s, 'id18', 'checksum', birthDate);
    return { normalized: s, kind: 'id18', valid: true, gender: genderFromDigit(s[16]), birthDate, problem: null };
  }

  if (/^\d{15}$/u.test(s)) {
    const birthDate = realDate(`19${s.slice(6, 12)}`);
    // 15 digits fit in a number cell, so only E notation with invented zeros has lost anything.
    if (digitsLost) return fail(s, 'id15', 'number-truncated', birthDate);
    if (!birthDate) return fail(s, 'id15', 'birthdate');
    return { normalized: s, kind: 'id15', valid: true, gender: genderFromDigit(s[14]), birthDate, problem: null };
  }

  return fail(s, 'other', digitsLost ? 'number-truncated' : 'format');
}

/** The finding for a checked ID in Chinese; '' when there is nothing to report. */
export function idProblemMessage(check: IdCheck): string {
  switch (check.problem) {
    case null:
      return '';
    case 'empty':
      return '身份证号为空';
    case 'format':
      return '身份证号格式不对（应为18位或15位）';
    case 'checksum':
      return `身份证号校验位错误（应为${idCheckChar(check.normalized.slice(0, 17))}）`;
    case 'birthdate':
      return '身份证号中的出生日期不存在';
    case 'number-truncated':
      return '身份证号被存为数字，末几位已丢失（Excel 只保留15位有效数字），无法校验';
  }
}

/** Masks an ID for display and export (PIPL): first 6 and last 4 shown; short text shows only its last 2. */
export function maskIdNumber(id: string): string {
  const chars = Array.from(String(id ?? '').trim());
  const n = chars.length;
  if (n >= 10) return chars.slice(0, 6).join('') + '*'.repeat(n - 10) + chars.slice(n - 4).join('');
  if (n > 2) return '*'.repeat(n - 2) + chars.slice(n - 2).join('');
  return '*'.repeat(n);
}

/**
 * A number cell as Excel shows it: 15 significant digits, written out in full without exponent
 * (3.30122198207071e17 → "330122198207071000"). Built from the digits of toPrecision(15) so that no
 * integer above 2^53 is ever printed by JavaScript itself.
 */
export function numberToIdText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const sign = n < 0 ? '-' : '';
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(Math.abs(n).toPrecision(15));
  if (!m) return String(n); // not reached: toPrecision always has this shape for finite numbers
  const digits = m[1] + (m[2] ?? '');
  const point = m[1].length + Number(m[3] ?? 0);
  let whole: string;
  let fraction: string;
  if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    fraction = '';
  } else if (point <= 0) {
    whole = '0';
    fraction = '0'.repeat(-point) + digits;
  } else {
    whole = digits.slice(0, point);
    fraction = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/u, '');
  fraction = fraction.replace(/0+$/u, '');
  const text = whole + (fraction ? `.${fraction}` : '');
  return text === '0' ? '0' : sign + text;
}
