import { expect, it } from 'vitest';
import { isInitialsQuery, pinyinInitials } from '../../shared/pinyin-initials.ts';
import { INITIALS } from '../../shared/pinyin-initials-data.ts';

it('gives the initials of place names', () => {
  expect(pinyinInitials('青山村')).toBe('qsc');
  expect(pinyinInitials('云溪乡')).toBe('yxx');
  expect(pinyinInitials('枫林镇')).toBe('flz');
  expect(pinyinInitials('上塘村')).toBe('stc');
  expect(pinyinInitials('白沙街道')).toBe('bsjd');
  expect(pinyinInitials('A区3组')).toBe('aq3z');
});

it('covers GB2312 level 1 once each, by initial', () => {
  const all = Object.values(INITIALS).join('');
  expect([...all].length).toBe(3755);
  expect(new Set(all).size).toBe(3755);
  expect(INITIALS.a.startsWith('啊')).toBe(true);
  expect(INITIALS.z.endsWith('座')).toBe(true);
  expect(Object.keys(INITIALS)).not.toContain('i');
});

it('tells initials from a name', () => {
  expect(isInitialsQuery('qs')).toBe(true);
  expect(isInitialsQuery('青山')).toBe(false);
});
