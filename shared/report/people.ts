// The work plan's wider aim, per woman: her age on the report's date (from the ID's birth date, a
// 出生年月 column or a stated 年龄) and whether her education is 大专及以上. Unknown stays unknown. Pure.

import { checkIdNumber } from '../idcard.ts';
import type { Person } from '../model.ts';
import type { WomenStats } from './model.ts';

/** Full years between a birth date (YYYY-MM-DD, or YYYY-MM counted from the month's first day) and a date. */
export function ageOn(birth: string, date: string): number | null {
  const b = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/u.exec(birth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (!b || !d) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), b[3] ? Number(b[3]) : 1];
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (bm < 1 || bm > 12 || bd < 1 || bd > 31) return null;
  const age = y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
  return age >= 0 && age < 130 ? age : null;
}

/** A person's age on `date` and where it came from: the valid ID first, then 出生年月, then 年龄 as stated. */
export function personAge(p: Pick<Person, 'idNumber' | 'idValid' | 'birthDate' | 'statedAge'>, date: string): { age: number | null; from: 'id' | 'birthDate' | 'statedAge' | null } {
  if (p.idValid && p.idNumber) {
    const birth = checkIdNumber(p.idNumber).birthDate;
    const age = birth ? ageOn(birth, date) : null;
    if (age !== null) return { age, from: 'id' };
  }
  if (p.birthDate) {
    const age = ageOn(p.birthDate, date);
    if (age !== null) return { age, from: 'birthDate' };
  }
  if (p.statedAge != null && p.statedAge > 0 && p.statedAge < 130) return { age: p.statedAge, from: 'statedAge' };
  return { age: null, from: null };
}

const COLLEGE = /大专|专科|高职|本科|大学|学士|研究生|硕士|博士/u;
const BELOW = /高中|中专|中技|职高|技校|中师|初中|小学|中学|文盲|半文盲|无学历/u;

/** true: 大专及以上; false: below; null: not stated or not understood (never guessed). */
export function isCollege(education: string | null | undefined): boolean | null {
  const t = (education ?? '').replace(/\s+/gu, '');
  if (!t) return null;
  if (COLLEGE.test(t)) return true;
  if (BELOW.test(t)) return false;
  return null;
}

export function ageBand(age: number): 0 | 1 | 2 | 3 {
  return age <= 35 ? 0 : age <= 45 ? 1 : age <= 55 ? 2 : 3;
}

/** The figures of a group of women: `named` with what is known of each, plus `unnamed` counted by a table. */
export function womenStats(named: ReadonlyArray<{ age: number | null; education: string | null }>, unnamed: number): WomenStats {
  const ages = named.map((w) => w.age).filter((a): a is number => a !== null);
  const bands: WomenStats['bands'] = [0, 0, 0, 0];
  for (const a of ages) bands[ageBand(a)]++;
  const edu = named.map((w) => isCollege(w.education)).filter((e): e is boolean => e !== null);
  const college = edu.filter(Boolean).length;
  return {
    women: named.length + unnamed,
    named: named.length,
    ageKnown: ages.length,
    averageAge: ages.length ? Math.round((ages.reduce((s, a) => s + a, 0) / ages.length) * 10) / 10 : null,
    bands,
    educationKnown: edu.length,
    college,
    collegeShare: edu.length ? college / edu.length : null,
  };
}
