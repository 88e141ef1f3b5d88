// The report's pure helpers: ages and bands, education, what a failing part lacks, CSV neutralising, IDs
// masked in free text, 出生年月 as written.

import { describe, expect, it } from 'vitest';
import { ageBand, ageOn, isCollege, personAge, womenStats } from '../../shared/report/people.ts';
import { missingOf, womenShort } from '../../shared/report/shortfall.ts';
import { csvField, dateText, neutraliseCsv, percent, scrubIds } from '../../shared/report/text.ts';
import { parseBirth } from '../../shared/report/template.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';
import { validId } from './helpers.ts';

describe('ages', () => {
  it('counts full years on the report date; a birth month without a day counts from the month', () => {
    expect(ageOn('1990-12-05', '2026-12-04')).toBe(35);
    expect(ageOn('1990-12-04', '2026-12-04')).toBe(36);
    expect(ageOn('1990-12', '2026-12-04')).toBe(36);
    expect(ageOn('1991-01', '2026-12-04')).toBe(35);
    expect(ageOn('nonsense', '2026-12-04')).toBeNull();
  });

  it('takes the valid ID first, then 出生年月, then the stated age; unknown otherwise', () => {
    const id = validId(0, true); // born 1950-01-01
    expect(personAge({ idNumber: id, idValid: true, birthDate: '1990-01', statedAge: 30 }, '2026-12-04')).toEqual({ age: 76, from: 'id' });
    expect(personAge({ idNumber: id, idValid: false, birthDate: '1990-01', statedAge: 30 }, '2026-12-04')).toEqual({ age: 36, from: 'birthDate' });
    expect(personAge({ idNumber: null, idValid: false, birthDate: null, statedAge: 30 }, '2026-12-04')).toEqual({ age: 30, from: 'statedAge' });
    expect(personAge({ idNumber: null, idValid: false }, '2026-12-04')).toEqual({ age: null, from: null });
  });

  it('bands 35岁及以下 / 36–45 / 46–55 / 56岁以上 at their edges', () => {
    expect([35, 36, 45, 46, 55, 56].map(ageBand)).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('averages and shares only what is known', () => {
    const s = womenStats([{ age: 30, education: '大学本科' }, { age: 41, education: '高中' }, { age: null, education: null }], 2);
    expect(s).toMatchObject({ women: 5, named: 3, ageKnown: 2, averageAge: 35.5, bands: [1, 1, 0, 0], educationKnown: 2, college: 1, collegeShare: 0.5 });
    expect(womenStats([], 0)).toMatchObject({ women: 0, averageAge: null, collegeShare: null });
  });
});

describe('education', () => {
  it('大专及以上 only where the words say so; anything else unknown', () => {
    for (const t of ['大专', '大学专科', '本科', '在职研究生', '硕士', '博士研究生']) expect(isCollege(t)).toBe(true);
    for (const t of ['高中', '中专', '初中', '小学', '职高']) expect(isCollege(t)).toBe(false);
    for (const t of ['', null, '其他', '见附表']) expect(isCollege(t)).toBeNull();
  });
});

describe('what a failing part lacks', () => {
  const rules = defaultRuleSet().parts;
  const part = (id: string) => rules.find((p) => p.id === id);
  const counts = { committeeMembers: 7, committeeWomen: 0, representatives: 43, womenRepresentatives: 14 };

  it('women needed for a share, in integers ("以上" includes the bound)', () => {
    expect(womenShort(14, 43, 1, 3)).toBe(1);
    expect(womenShort(15, 45, 1, 3)).toBe(0);
    expect(womenShort(0, 3, 1, 3)).toBe(1);
    expect(missingOf(part('womenRepresentativesThird'), counts)).toBe('还差1名女性村民代表（现43人中女性14名，需达15名）');
    expect(missingOf(part('womenRepresentativesThird'), { ...counts, representatives: null })).toBe('女性需占三分之一以上');
  });

  it('a woman on the committees, the chair on them', () => {
    expect(missingOf(part('womanInCommittees'), counts)).toBe('还差1名女性进入村“两委”班子');
    expect(missingOf(part('chairInCommittees'), counts)).toBe('村妇联主席尚需进入村“两委”班子');
  });
});

describe('text in exports', () => {
  it('neutralises what a spreadsheet would run, and quotes fields', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+1-2', '-3', '@SUM(1)', '\tx', '\rx']) expect(neutraliseCsv(t)).toBe(`'${t}`);
    expect(neutraliseCsv('港口村')).toBe('港口村');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });

  it('masks ID numbers inside free text unless full numbers are asked for', () => {
    const id = validId(5, true);
    expect(scrubIds(`身份证号 ${id} 重复`, false)).toBe(`身份证号 ${id.slice(0, 6)}********${id.slice(14)} 重复`);
    expect(scrubIds(`身份证号 ${id} 重复`, true)).toContain(id);
    expect(scrubIds('2026年12月4日 第12行', false)).toBe('2026年12月4日 第12行');
  });

  it('dates and rates as documents write them', () => {
    expect(dateText('2026-12-04')).toBe('2026年12月4日');
    expect(percent(0.4773)).toBe('47.7%');
    expect(percent(null)).toBe('—');
  });

  it('reads 出生年月 as townships write it', () => {
    expect(['1985-06', '1985.6', '1985年6月', '198506', '1985/6/3', '1985年6月3日'].map(parseBirth)).toEqual(['1985-06', '1985-06', '1985-06', '1985-06', '1985-06-03', '1985-06-03']);
    expect(parseBirth('不详')).toBeNull();
    expect(parseBirth('1985-13')).toBeNull();
  });
});
