// People written inside cells, the way a one-row-a-village summary gives them: "张建国（男，书记）、李秀英（女，委员）",
// one person a line ("王建军 男 书记、主任"), or just names; representatives as a sentence ("共45名（女15名）").
// Pure text → structured values; the text-in-cells family reads tables with them.

import type { Gender } from '../model.ts';
import { normalizeText, parseGender, parseCount } from '../text.ts';

export interface CellPerson {
  /** As written, trimmed. */
  name: string;
  gender: Gender;
  /** The post as written ('' when the cell gives none). */
  post: string;
}

const OPEN = '(（[【';
const CLOSE = ')）]】';
/** Between people on one line: 、，,；; and spaces between bracketed people. */
const ITEM_SEPARATORS = /^[、，,；;]$/u;

/** Splits at separators that are not inside brackets. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ITEM_SEPARATORS.test(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

const NAME = /^[\u4e00-\u9fff〇·•．.]{2,12}$/u;

/** One person: "张建国（男，书记）", "李秀英(女)", "王建军 男 书记、主任", "陈芳". Null when it is not a person. */
export function parseCellPerson(item: string): CellPerson | null {
  const t = normalizeText(item).trim();
  const bracket = /^([^(（]+?)\s*[(（]([^)）]*)[)）]\s*$/u.exec(t);
  if (bracket) {
    const name = bracket[1].trim();
    if (!NAME.test(name)) return null;
    const inner = bracket[2].split(/[,，;；\s]+/u).filter(Boolean);
    let gender: Gender = 'unknown';
    const post: string[] = [];
    for (const part of inner) {
      const g = parseGender(part);
      if (g !== 'unknown' && gender === 'unknown') gender = g;
      else post.push(part);
    }
    return { name, gender, post: post.join('、') };
  }
  const words = t.split(/\s+/u).filter(Boolean);
  if (!NAME.test(words[0] ?? '')) return null;
  let gender: Gender = 'unknown';
  let rest = words.slice(1);
  if (rest.length && parseGender(rest[0]) !== 'unknown') {
    gender = parseGender(rest[0]);
    rest = rest.slice(1);
  }
  return { name: words[0], gender, post: rest.join('、') };
}

/**
 * Everyone a cell names. A cell with line breaks holds one person a line (a line may then hold a post with 、 in it);
 * otherwise people are separated by 、，；outside brackets. Null when any item is not a person (the cell is something else).
 */
export function parseCellPeople(text: string): CellPerson[] | null {
  const t = text.trim();
  if (!t) return [];
  const lines = t.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
  const items = lines.length > 1 ? lines.flatMap((l) => (/[(（]/u.test(l) ? splitTopLevel(l) : [l])) : splitTopLevel(t);
  const out: CellPerson[] = [];
  for (const item of items) {
    const p = parseCellPerson(item);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

/**
 * Representatives as a sentence: "共45名（女15名）", "共30名，其中女性9名", "村民代表21名（女7名）", "45人/女15人".
 * The first count is the total, the count after 女 the women. Null when the text says neither.
 */
export function parseCountSentence(text: string): { total: number | null; women: number | null } | null {
  const t = normalizeText(text).replace(/\s/gu, '');
  const womenMatch = /女(?:性)?(?:代表)?(?:为|有)?(\d+|[一二两三四五六七八九十百]+)(?:名|人|位)?/u.exec(t);
  const women = womenMatch ? parseCount(womenMatch[1]) : null;
  const beforeWomen = womenMatch ? t.slice(0, womenMatch.index) : t;
  const totalMatch = /(\d+|[一二两三四五六七八九十百]+)(?:名|人|位)/u.exec(beforeWomen) ?? /^(?:共|总数|合计)?(\d+)$/u.exec(beforeWomen.replace(/[(（，,/、]+$/u, ''));
  const total = totalMatch ? parseCount(totalMatch[1]) : null;
  if (total === null && women === null) return null;
  return { total, women };
}
