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
