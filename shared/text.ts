// Text normalisation for hand-filled township spreadsheets. Pure: runs in Node and in the browser.
import type { Gender } from './model.ts';
import { GENDER_WORDS, YES_NO_WORDS } from './vocabulary/marks.ts';

// Zero-width characters pasted invisibly from Word/WeChat; `\s` covers U+FEFF but not U+200B-U+200D / U+2060.
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';
const SPACE_RUN = new RegExp(`[\\s${ZERO_WIDTH}]+`, 'g');

function nfkc(s: unknown): string {
  return String(s ?? '').normalize('NFKC');
}

/** Removes every whitespace and zero-width character (after NFKC, so U+3000 and NBSP are covered too). */
function squeeze(s: string): string {
  return s.replace(SPACE_RUN, '');
}

/** General cell text: NFKC, runs of whitespace/zero-width characters become one ASCII space, trimmed. */
export function normalizeText(s: unknown): string {
  return nfkc(s).replace(SPACE_RUN, ' ').trim();
}

/**
 * A person's name: NFKC, no whitespace at all ("王　芳" → "王芳"), and without the trailing "*" / "※" that
 * forms use to mark e.g. new members. "〇" (U+3007) is a real character in names and is kept.
 */
export function normalizeName(s: unknown): string {
  // Most names are a few common ideographs already in normal form: NFKC would give them back unchanged.
  if (typeof s === 'string' && PLAIN_NAME.test(s)) return s;
  const t = squeeze(nfkc(s));
  // A note after the name ("王芳（女）", "李四*新当选*", "赵六※") is no part of it.
  const bare = t.replace(/\([^()]*\)$|\[[^\[\]]*\]$|【[^【】]*】$/u, '').replace(/[*※].*$/u, '');
  return bare.length >= 2 ? bare : t.replace(/[*※]+$/u, '');
}

const PLAIN_NAME = /^[\u4e00-\u9fff〇]{1,8}$/u;

// Headers are matched by words only: drop whitespace, all Unicode punctuation (brackets, colons, quotes,
// 、。, *, ※, /, \, -, _ …) and all symbols (< >, √, ●, ★ …: "村民代表（√）" is a 村民代表 column).
const HEADER_NOISE = new RegExp(`[\\s${ZERO_WIDTH}\\p{P}\\p{S}]`, 'gu');

/** A column header reduced for matching: "身份证号码\n(18位)" → "身份证号码18位". */
export function normalizeHeader(s: unknown): string {
  return nfkc(s).replace(HEADER_NOISE, '');
}

// Circled numbers (①, ⑴ is handled by NFKC → "(1)") must go before NFKC, which would turn ① into a bare "1".
const CIRCLED_NUMBER = /^[\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]/u;
const CN_NUMERAL = '[一二三四五六七八九十百零〇]+';
// "(一)" "(1)" with an optional stop after them; "一、" "1." "1、" "1)". "第一" has no stop, so it is kept.
const LIST_NUMBERING = [
  new RegExp(`^\\((?:${CN_NUMERAL}|\\d+)\\)[、.,:]?`, 'u'),
  new RegExp(`^(?:${CN_NUMERAL}|\\d+)[、.,:)]`, 'u'),
];

/** A township or village name: NFKC, no whitespace, no list numbering in front, no colon behind. */
export function normalizePlaceName(s: unknown): string {
  let t = squeeze(String(s ?? '')).replace(CIRCLED_NUMBER, '');
  t = squeeze(t.normalize('NFKC'));
  // Repeat: section rows sometimes stack numbering, e.g. "一、(1)青山村".
  for (let i = 0; i < 3; i++) {
    const before = t;
    for (const re of LIST_NUMBERING) t = t.replace(re, '');
    if (t === before) break;
  }
  return t.replace(/:+$/u, '');
}

/** Key for small vocabularies: NFKC (full-width → half-width), no whitespace, lower case. */
function wordKey(s: unknown): string {
  return squeeze(nfkc(s)).toLowerCase();
}

/** Declared gender from a 性别 cell; anything not clearly one of the two is 'unknown', never a guess. */
export function parseGender(s: unknown): Gender {
  return GENDER_WORDS.get(wordKey(s)) ?? 'unknown';
}

/** A 是/否 cell; blank or anything unclear is null so that it can never become a silent yes or no. */
export function parseYesNo(s: unknown): boolean | null {
  if (typeof s === 'boolean') return s;
  return YES_NO_WORDS.get(wordKey(s)) ?? null;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A count written in Chinese numerals, up to 九千九百九十九: "七", "十五", "四十五", "一百零二"; else null. */
function chineseCount(t: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/u.test(t)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of t) {
    const unit = ch === '千' ? 1000 : ch === '百' ? 100 : ch === '十' ? 10 : 0;
    if (unit === 0) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: not a numeral
      digit = CN_DIGIT[ch];
      continue;
    }
    total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
    digit = null;
  }
  total += digit ?? 0;
  return Number.isFinite(total) ? total : null;
}

/** A non-negative integer count: 12, "12", "１２", " 12 ", "12人"; anything else is null. */
export function parseCount(s: unknown): number | null {
  if (typeof s === 'number') {
    // `+ 0` turns -0 into 0.
    return Number.isSafeInteger(s) && s >= 0 ? s + 0 : null;
  }
  // Only outer whitespace goes: "12 13" is two numbers, not 1213.
  const t = normalizeText(s).replace(/ ?(\([人名位个]\)|[人名位个])$/u, '');
  const chinese = chineseCount(t);
  if (chinese !== null) return chinese;
  let digits: string | null = null;
  const plain = /^(\d+)(?:\.0+)?$/u.exec(t); // "12.0" as a CSV may write a whole number
  if (plain) digits = plain[1];
  else if (/^\d{1,3}(?:,\d{3})+$/u.test(t)) digits = t.replace(/,/gu, '');
  if (digits === null) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
