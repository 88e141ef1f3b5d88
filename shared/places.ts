// Township and village names: finding them in titles, sheet names and file names, and keys that
// treat "上塘村" and "上塘村村民委员会" as one village.

import { normalizePlaceName } from './text.ts';

const COMMITTEE_SUFFIX = /(村民委员会|居民委员会|村委会|居委会)$/u;
const TOWNSHIP_SUFFIX = /(人民政府|政府|办事处|党委)$/u;
const HAN = '\\p{Script=Han}';

/** Key for matching a village across inputs: "上塘村村委会", "上塘村民委员会" and "上塘村" are one. */
export function villageKey(name: string): string {
  const n = normalizePlaceName(name);
  const m = n.match(COMMITTEE_SUFFIX);
  if (!m) return n;
  let base = n.slice(0, -m[1].length);
  if (m[1].startsWith('村') && base && !/(村|社区)$/u.test(base)) base += '村';
  return base || n;
}

/** "白沙镇人民政府" → "白沙镇". */
export function cleanTownship(name: string): string {
  const n = normalizePlaceName(name);
  return n.replace(TOWNSHIP_SUFFIX, '') || n;
}

export function townshipKey(name: string): string {
  return cleanTownship(name);
}

/** One village however its inputs spell it: the key inputs are combined by. */
export function villageIdentity(township: string, village: string): string {
  return `${townshipKey(township)}|${villageKey(village)}`;
}

/** Items of the same village together, villages in the order first seen. */
export function groupByVillage<T extends { township: string; village: string }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = villageIdentity(item.township, item.village);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** A township named in free text: "青山镇2026年村“两委”…" → "青山镇"; "XX县白沙镇人民政府" → "白沙镇". */
export function townshipFromText(text: string): string | null {
  // A year is no part of a name: "2026年青山镇…" must not give "年青山镇".
  const s = normalizePlaceName(text).replace(/\d{2,4}年度?/gu, ' ');
  // A 村 in the stem is mostly a village before the suffix ("上塘村乡村振兴"), but some townships have one
  // ("梅村街道", "新村乡"): those are taken only when the text names no other township.
  return townshipIn(s, false) ?? townshipIn(s, true);
}

// Words a title or a letterhead starts with, before the township's own name.
const LEADING_WORDS = /^(关于|附件|填报单位|单位|中共|中国共产党|报送|上报|呈报|转发|印发|做好|开展|全|各|本|我)+/u;

function townshipIn(s: string, villageWordAllowed: boolean): string | null {
  const re = new RegExp(`(${HAN}{1,8}?)(街道办事处|街道|镇|乡)`, 'gu');
  for (const m of s.matchAll(re)) {
    let stem = m[1];
    // Drop a county, city or province named before the township, and words a title starts with.
    stem = stem.replace(new RegExp(`^.*?(省|市|县|区|旗)(?=${HAN}{2})`, 'u'), '');
    stem = stem.replace(LEADING_WORDS, '');
    if (stem.length < 1 || /(乡|镇|代表|委员|换届|情况|名单|县|市|区|省|各|全|该|本)/u.test(stem)) continue;
    if (stem.includes('村')) {
      if (!villageWordAllowed || stem.length > 3) continue;
      // "上塘村乡村…": 乡村 is a word, not a township.
      if (stem.endsWith('村') && m[2] === '乡' && s[(m.index ?? 0) + m[0].length] === '村') continue;
    }
    const suffix = m[2] === '街道办事处' ? '街道' : m[2];
    if (stem.length === 1 && suffix !== '街道') continue; // "全镇", "该乡" are no names
    return stem + suffix;
  }
  return null;
}

/** A form's example of how to fill it in: "某某村", "XX村", "××社区", "示例村". */
export function isPlaceholderPlace(text: string): boolean {
  return /^(某+|[xX×*]{1,4}|示例|样例|范例|例)(村|社区|镇|乡|街道|居委会|村委会)?$/u.test(normalizePlaceName(text));
}

/** True for a name that reads as one village or community: "青山村", "石门社区", "上塘村民委员会". */
export function looksLikeVillage(text: string): boolean {
  const s = normalizePlaceName(text);
  if (s.length < 2 || s.length > 14 || isPlaceholderPlace(s)) return false;
  if (/(两委|代表|名单|班子|统计|汇总|情况|合计|小计|总计|成员|换届|表)/u.test(s)) return false;
  return new RegExp(`^${HAN}+(村|社区|居委会|村委会|村民委员会|居民委员会|居|嘎查|屯)$`, 'u').test(s);
}

export function looksLikeTownship(text: string): boolean {
  const s = normalizePlaceName(text);
  return s.length >= 2 && s.length <= 10 && new RegExp(`^${HAN}+(镇|乡|街道|街道办事处)$`, 'u').test(s);
}

/** A village named at the start of a title: "桐坑村“两委”成员名单" → "桐坑村"; not "枫林镇村“两委”…". */
export function villageFromTitle(text: string): string | null {
  const s = normalizePlaceName(text);
  const m = s.match(new RegExp(`^(${HAN}{1,8}?(村|社区))`, 'u'));
  if (!m) return null;
  const v = m[1];
  if (/(镇|乡|街道)/u.test(v.slice(0, -1))) return null;
  return looksLikeVillage(v) ? v : null;
}

/**
 * A village named in a sheet's title rows: "村名：桐坑村", "填报单位：上坪村村委会", "桐坑村“两委”成员名单",
 * "青山镇上塘村村民代表名单". Not "枫林镇村“两委”…" nor "各村…", which name no one village.
 */
export function villageFromTitles(titles: readonly string[]): string | null {
  for (const title of titles) {
    const s = normalizePlaceName(title);
    const labelled = s.match(new RegExp(`(?:村名称?|村\\(社区\\)|村居|村社区|村别|所在村|填报单位|单位)[:：]?(${HAN}{1,10}?(?:村民委员会|居民委员会|村委会|居委会|社区|村))`, 'u'));
    if (labelled && looksLikeVillage(labelled[1])) return villageKey(labelled[1]);
    const first = villageFromTitle(s);
    if (first) return first;
    const after = s.match(new RegExp(`(?:镇|乡|街道)(${HAN}{1,8}?(?:社区|村))(?!民)`, 'u'));
    if (after && !/^(各|全|所有|本|辖区|下属)/u.test(after[1]) && looksLikeVillage(after[1])) return after[1];
  }
  return null;
}

/**
 * A section row that names a village without 村 ("一、张家湾（24人）", "张家湾：", "(二)大坪 共15人"): only
 * when it is marked as a section (list numbering, a head count, a colon) and the rest is a bare place name.
 */
export function villageFromSectionLabel(text: string): string | null {
  const raw = text.normalize('NFKC').replace(/\s+/gu, '');
  const counted = /(\(共?\d+人\)|共\d+人)$/u;
  const label = raw.replace(counted, '');
  const colon = /:$/u.test(label);
  const name = normalizePlaceName(label);
  // normalizePlaceName strips list numbering ("一、", "(二)", "3."): a shorter name means there was some.
  const numbered = name.length < label.replace(/:+$/u, '').length;
  if (!numbered && !colon && !counted.test(raw)) return null;
  if (!new RegExp(`^${HAN}{2,6}$`, 'u').test(name) || GENERIC_WORDS.test(name) || /(合计|小计|总计|说明|备注|注|审核|填表|填报|制表|日期|签字|盖章|负责人|联系)/u.test(name)) return null;
  return looksLikeTownship(name) ? null : name;
}

const GENERIC_SHEET = /^(sheet|工作表|表|页)\s*\d*$/iu;
const GENERIC_WORDS = /(名单|统计|汇总|班子|代表|成员|情况|花名册|明细|数据|附件|模板|下拉|选项|目录|说明|表|两委|支委|村委|居委|党|支部|监委|委员|干部|list|data|sheet)/iu;

/** The sheet's name when it names a village (one sheet a village), else null. */
export function villageFromSheetName(name: string): string | null {
  const s = normalizePlaceName(name);
  if (!s || GENERIC_SHEET.test(s)) return null;
  if (looksLikeVillage(s)) return s;
  if (GENERIC_WORDS.test(s) || looksLikeTownship(s)) return null;
  // A bare place name ("桐坑") with no generic word: a village named without its 村.
  return new RegExp(`^${HAN}{2,6}$`, 'u').test(s) ? s : null;
}
