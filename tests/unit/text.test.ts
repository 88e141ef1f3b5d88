import { describe, expect, it } from 'vitest';
import {
  normalizeHeader,
  normalizeName,
  normalizePlaceName,
  normalizeText,
  parseCount,
  parseGender,
  parseYesNo,
} from '../../shared/text.ts';

describe('normalizeText', () => {
  it('collapses every kind of whitespace to one ASCII space and trims', () => {
    expect(normalizeText('  青山村\u3000\u3000第一组\t\n ')).toBe('青山村 第一组');
    expect(normalizeText('a\u00A0b')).toBe('a b');
    expect(normalizeText('a\r\n\r\nb')).toBe('a b');
  });
  it('treats zero-width characters as whitespace', () => {
    expect(normalizeText('\uFEFF青山村\u200B')).toBe('青山村');
    expect(normalizeText('a\u200B\u200C\u200Db')).toBe('a b');
    expect(normalizeText('a \u200B b')).toBe('a b');
  });
  it('applies NFKC (full-width letters and digits become half-width)', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizeText('（一）')).toBe('(一)');
  });
  it('accepts anything, null and undefined as empty', () => {
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(12)).toBe('12');
    expect(normalizeText('   ')).toBe('');
  });
});

describe('normalizeName', () => {
  it('removes all whitespace inside and around a name', () => {
    expect(normalizeName('王　芳')).toBe('王芳');
    expect(normalizeName('王芳芳（女）')).toBe('王芳芳');
    expect(normalizeName('李四 *新当选*')).toBe('李四');
    expect(normalizeName('李伟2')).toBe('李伟2');
    expect(normalizeName('卢文蕾  ')).toBe('卢文蕾');
    expect(normalizeName(' 王 \t芳\n')).toBe('王芳');
    expect(normalizeName('王\u00A0芳')).toBe('王芳');
  });
  it('removes zero-width characters', () => {
    expect(normalizeName('王\u200B芳\uFEFF')).toBe('王芳');
  });
  it('keeps 〇', () => {
    expect(normalizeName('李〇英')).toBe('李〇英');
    expect(normalizeName('〇 〇')).toBe('〇〇');
  });
  it('drops a trailing * or ※ mark', () => {
    expect(normalizeName('张三*')).toBe('张三');
    expect(normalizeName('张三＊')).toBe('张三');
    expect(normalizeName('张三※')).toBe('张三');
    expect(normalizeName('张三 ※ ')).toBe('张三');
  });
  it('keeps a * that is not at the end', () => {
    expect(normalizeName('*张三')).toBe('*张三');
  });
  it('applies NFKC and handles blanks', () => {
    expect(normalizeName('ＡＢ')).toBe('AB');
    expect(normalizeName(null)).toBe('');
    expect(normalizeName(undefined)).toBe('');
  });
});

describe('normalizeHeader', () => {
  it('removes line breaks, brackets and whitespace', () => {
    expect(normalizeHeader('身份证号码\n(18位)')).toBe('身份证号码18位');
    expect(normalizeHeader('身份证号码\r\n（18位）')).toBe('身份证号码18位');
    expect(normalizeHeader('是否 村民代表')).toBe('是否村民代表');
    expect(normalizeHeader('是否\u3000村民代表')).toBe('是否村民代表');
  });
  it('removes symbols: a tick in a header is no word', () => {
    expect(normalizeHeader('村民代表（√）')).toBe('村民代表');
    expect(normalizeHeader('代表(✓)')).toBe('代表');
    expect(normalizeHeader('是否代表●')).toBe('是否代表');
  });
  it('removes punctuation and marks', () => {
    expect(normalizeHeader('姓名：')).toBe('姓名');
    expect(normalizeHeader('姓名:')).toBe('姓名');
    expect(normalizeHeader('*姓名')).toBe('姓名');
    expect(normalizeHeader('※性别')).toBe('性别');
    expect(normalizeHeader('【职务】')).toBe('职务');
    expect(normalizeHeader('[职务]')).toBe('职务');
    expect(normalizeHeader('<职务>')).toBe('职务');
    expect(normalizeHeader('《职务》')).toBe('职务');
    expect(normalizeHeader('“职务”')).toBe('职务');
    expect(normalizeHeader("'职务'")).toBe('职务');
    expect(normalizeHeader('‘职务’')).toBe('职务');
    expect(normalizeHeader('"职务"')).toBe('职务');
    expect(normalizeHeader('乡镇、街道')).toBe('乡镇街道');
    expect(normalizeHeader('乡镇,街道，村')).toBe('乡镇街道村');
    expect(normalizeHeader('序号.')).toBe('序号');
    expect(normalizeHeader('序号。')).toBe('序号');
    expect(normalizeHeader('是/否')).toBe('是否');
    expect(normalizeHeader('是\\否')).toBe('是否');
    expect(normalizeHeader('出生-年月')).toBe('出生年月');
    expect(normalizeHeader('出生_年月')).toBe('出生年月');
    expect(normalizeHeader('妇联主席是否进“两委”(是/否)')).toBe('妇联主席是否进两委是否');
  });
  it('applies NFKC to full-width letters and removes zero-width characters', () => {
    expect(normalizeHeader('ＩＤ号\u200B')).toBe('ID号');
  });
  it('handles blanks', () => {
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader('  ')).toBe('');
  });
});

describe('normalizePlaceName', () => {
  it('removes whitespace', () => {
    expect(normalizePlaceName(' 青 山 村 ')).toBe('青山村');
    expect(normalizePlaceName('青山村\u3000')).toBe('青山村');
  });
  it('strips list numbering', () => {
    expect(normalizePlaceName('一、青山村')).toBe('青山村');
    expect(normalizePlaceName('十二、青山村')).toBe('青山村');
    expect(normalizePlaceName('（一）青山村')).toBe('青山村');
    expect(normalizePlaceName('(一)青山村')).toBe('青山村');
    expect(normalizePlaceName('(1)青山村')).toBe('青山村');
    expect(normalizePlaceName('（12）青山村')).toBe('青山村');
    expect(normalizePlaceName('1.青山村')).toBe('青山村');
    expect(normalizePlaceName('1．青山村')).toBe('青山村');
    expect(normalizePlaceName('1、青山村')).toBe('青山村');
    expect(normalizePlaceName('12、 青山村')).toBe('青山村');
    expect(normalizePlaceName('1)青山村')).toBe('青山村');
    expect(normalizePlaceName('①青山村')).toBe('青山村');
    expect(normalizePlaceName('⑴青山村')).toBe('青山村');
    expect(normalizePlaceName('一、(1)青山村')).toBe('青山村');
  });
  it('keeps words that only look like numbering', () => {
    expect(normalizePlaceName('第一村')).toBe('第一村');
    expect(normalizePlaceName('十里铺村')).toBe('十里铺村');
    expect(normalizePlaceName('三星村')).toBe('三星村');
    expect(normalizePlaceName('一心社区')).toBe('一心社区');
  });
  it('strips a trailing colon', () => {
    expect(normalizePlaceName('青山镇：')).toBe('青山镇');
    expect(normalizePlaceName('青山镇:')).toBe('青山镇');
    expect(normalizePlaceName('一、青山村：')).toBe('青山村');
  });
  it('applies NFKC and handles blanks', () => {
    expect(normalizePlaceName('ＡＢ村')).toBe('AB村');
    expect(normalizePlaceName(null)).toBe('');
    expect(normalizePlaceName('')).toBe('');
  });
});

describe('parseGender', () => {
  it.each(['女', '女性', 'F', 'f', 'female', 'Female', 'FEMALE', 'Ｆ', 'ｆ', '女 ', '女　', ' 女', '女\n', '女 性'])(
    '%j is female',
    (s) => expect(parseGender(s)).toBe('female'),
  );
  it.each(['男', '男性', 'M', 'm', 'male', 'Male', 'Ｍ', '男 ', '男　', '男\u200B'])('%j is male', (s) =>
    expect(parseGender(s)).toBe('male'),
  );
  it.each(['', ' ', 'W', '未知', '女/男', '男女', 'x', '妇女', '1', '0', null, undefined, 1])('%j is unknown', (s) =>
    expect(parseGender(s)).toBe('unknown'),
  );
});

describe('parseYesNo', () => {
  it.each(['是', 'Y', 'y', 'yes', 'YES', 'Yes', '√', '✓', '✔', '☑', '●', '★', '◎', 'v', 'V', '1', '有', '是 ', '　是', 'Ｙ', '１', 1, true])('%j is yes', (s) =>
    expect(parseYesNo(s)).toBe(true),
  );
  it.each(['否', 'N', 'n', 'no', 'NO', '×', '✗', '0', '无', '否　', 'Ｎ', '０', 0, false])('%j is no', (s) =>
    expect(parseYesNo(s)).toBe(false),
  );
  it.each(['', '  ', null, undefined, '对', '错', '是否', '2', 2, '不详', '待定'])('%j is null', (s) =>
    expect(parseYesNo(s)).toBeNull(),
  );
});

describe('parseCount', () => {
  it.each([
    ['七', 7],
    ['十五', 15],
    ['四十五', 45],
    ['一百零二', 102],
    ['7（人）', 7],
    ['12', 12],
    ['12人', 12],
    ['12名', 12],
    [' 12 ', 12],
    ['１２', 12],
    ['１２人', 12],
    ['12 人', 12],
    ['0', 0],
    ['012', 12],
    ['12.0', 12],
    ['1,200', 1200],
    [12, 12],
    [0, 0],
    [-0, 0],
  ] as Array<[unknown, number]>)('%j → %d', (s, n) => {
    const got = parseCount(s);
    expect(got).toBe(n);
    expect(Object.is(got, -0)).toBe(false);
  });
  it.each(['', '  ', null, undefined, 'abc', '-1', -1, '1.5', 1.5, '十二五', '12 13', '人', NaN, Infinity, '1e3', '+3', '99999999999999999999'])(
    '%j → null',
    (s) => expect(parseCount(s)).toBeNull(),
  );
});
