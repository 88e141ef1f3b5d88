import { describe, expect, it } from 'vitest';
import { birthDateCell, educationCell, statedAgeCell } from '../../../shared/reading/person-details.ts';

describe('a person\'s details as written', () => {
  it.each([
    ['1985.03', false, '1985-03'],
    ['1985.3', false, '1985-03'],
    ['1985年3月', false, '1985-03'],
    ['1985-03-01', false, '1985-03-01'],
    ['1985/3/1', false, '1985-03-01'],
    ['198503', true, '1985-03'],
    ['19850301', true, '1985-03-01'],
    ['31107', true, '1985-03-01'], // a date cell without its format: Excel's day number
    ['1985.13', false, null],
    ['不详', false, null],
    ['31107', false, null], // text digits of date size are no date
  ])('出生年月 %s → %s', (text, isNumber, out) => {
    expect(birthDateCell(text, isNumber)).toBe(out);
  });
  it('reads a stated age, never a number out of range', () => {
    expect(statedAgeCell('45')).toBe(45);
    expect(statedAgeCell('45岁')).toBe(45);
    expect(statedAgeCell('５２周岁')).toBe(52);
    expect(statedAgeCell('4')).toBeNull();
    expect(statedAgeCell('1985')).toBeNull();
  });
  it('keeps education as written, blanks and placeholders as null', () => {
    expect(educationCell(' 大专 ')).toBe('大专');
    expect(educationCell('/')).toBeNull();
    expect(educationCell('')).toBeNull();
  });
});

describe('学历, 出生年月 and 年龄 columns on a roster', () => {
  it('fills the rows as written and carries them onto the person', async () => {
    const { workbookBytes, makeId, checkBytes } = await import('../../helpers/workbooks.ts');
    const id = makeId(3, true, '19860412');
    const bytes = workbookBytes([{ name: '名单', rows: [
      ['村', '姓名', '性别', '出生年月', '年龄', '文化程度', '职务', '身份证号'],
      ['青山村', '王芳', '女', '1986.04', 40, '大专', '委员、妇联主席', id],
      ['青山村', '李强', '男', '', '不详', '/', '书记', ''],
      ['青山村', '王芳', '女', '', '', '本科', '村民代表', id],
    ] }]);
    const { reads } = checkBytes([{ name: '青山镇.xlsx', bytes }]);
    const rows = reads[0].inputs[0].parts.flatMap((p) => (p.form === 'roster' ? p.rows : []));
    expect(rows[0]).toMatchObject({ education: '大专', birthDate: '1986-04', statedAge: 40 });
    expect(rows[1]).toMatchObject({ education: null, birthDate: null, statedAge: null });
    const { mergePersons } = await import('../../../shared/persons.ts');
    const persons = mergePersons(rows, rows, { township: '青山镇', village: '青山村' }).persons;
    expect(persons.find((p) => p.name === '王芳')).toMatchObject({ education: '大专', birthDate: '1986-04', statedAge: 40 });
    expect(persons.find((p) => p.name === '李强')?.education).toBeUndefined();
  });
  it('gives no details where the table has no such columns', async () => {
    const { workbookBytes, checkBytes } = await import('../../helpers/workbooks.ts');
    const bytes = workbookBytes([{ name: '名单', rows: [['村', '姓名', '性别', '职务'], ['青山村', '王芳', '女', '委员']] }]);
    const row = checkBytes([{ name: '青山镇.xlsx', bytes }]).reads[0].inputs[0].parts.flatMap((p) => (p.form === 'roster' ? p.rows : []))[0];
    expect(row.education).toBeUndefined();
    expect(row.birthDate).toBeUndefined();
    expect(row.statedAge).toBeUndefined();
  });
});
