import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, idProblemMessage, maskIdNumber, numberToIdText } from '../../shared/idcard.ts';

// Independent check character: weight of position i (1-based from the left) is 2^(18-i) mod 11, and the
// check character c satisfies (sum + value(c)) ≡ 1 (mod 11), with X standing for 10.
function refCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}
const makeId = (first17: string): string => first17 + refCheckChar(first17);
/** A check character that is certainly wrong. */
const wrongCheck = (id: string): string => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe('idCheckChar', () => {
  it('agrees with an independent implementation', () => {
    const samples = ['11010519491231002', '33012219820707100', '44030419900229123', '51010020001231999', '00000000000000000'];
    for (let seed = 1; seed < 200; seed++) samples.push(String(10 ** 16 + ((seed * 7919 * 104729) % 9 ** 16)).slice(0, 17));
    for (const s of samples) expect(idCheckChar(s)).toBe(refCheckChar(s));
  });
  it('gives X for the known example', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
});

describe('checkIdNumber: 18 digits', () => {
  it('accepts the known-valid example (female, born 1949-12-31)', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      normalized: '11010519491231002X',
      kind: 'id18',
      valid: true,
      gender: 'female',
      birthDate: '1949-12-31',
      problem: null,
    });
  });
  it('reads gender from the 17th digit', () => {
    const male = makeId('33012219820707101');
    const female = makeId('33012219820707102');
    expect(checkIdNumber(male)).toMatchObject({ valid: true, gender: 'male', birthDate: '1982-07-07' });
    expect(checkIdNumber(female)).toMatchObject({ valid: true, gender: 'female' });
    for (let d = 0; d <= 9; d++) {
      const id = makeId(`3301221982070710${d}`);
      expect(checkIdNumber(id).gender).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });
  it('accepts lower-case x, full-width characters and stray whitespace', () => {
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ valid: true });
    expect(checkIdNumber(' 110105 19491231 002X\u3000')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(checkIdNumber('\uFEFF11010519491231002X\u200B')).toMatchObject({ valid: true });
    expect(checkIdNumber("'11010519491231002X")).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });
  it('reports a wrong check character, keeping the date but not the gender', () => {
    const r = checkIdNumber('110105194912310021');
    expect(r).toEqual({
      normalized: '110105194912310021',
      kind: 'id18',
      valid: false,
      gender: 'unknown',
      birthDate: '1949-12-31',
      problem: 'checksum',
    });
    expect(idProblemMessage(r)).toBe('身份证号校验位错误（应为X）');
    const id = makeId('33012219820707101');
    const bad = checkIdNumber(wrongCheck(id));
    expect(bad.problem).toBe('checksum');
    expect(idProblemMessage(bad)).toBe(`身份证号校验位错误（应为${id[17]}）`);
  });
  it('knows leap years', () => {
    expect(checkIdNumber(makeId('11010520000229102'))).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    expect(checkIdNumber(makeId('11010519960229102'))).toMatchObject({ valid: true, birthDate: '1996-02-29' });
    expect(checkIdNumber(makeId('11010519000229102'))).toMatchObject({ valid: false, problem: 'birthdate', birthDate: null });
    expect(checkIdNumber(makeId('11010519970229102'))).toMatchObject({ valid: false, problem: 'birthdate' });
    expect(checkIdNumber(makeId('11010519970228102'))).toMatchObject({ valid: true });
  });
  it('rejects dates that do not exist or are out of range', () => {
    for (const date of ['19821301', '19820001', '19820700', '19820431', '19820632', '18991231', '21010101']) {
      const r = checkIdNumber(makeId(`110105${date}102`));
      expect(r.problem, date).toBe('birthdate');
      expect(r.valid).toBe(false);
      expect(r.gender).toBe('unknown');
      expect(r.birthDate).toBeNull();
      expect(idProblemMessage(r)).toBe('身份证号中的出生日期不存在');
    }
    expect(checkIdNumber(makeId('11010519000101102')).valid).toBe(true);
    expect(checkIdNumber(makeId('11010521001231102')).valid).toBe(true);
  });
});

describe('checkIdNumber: 15 digits', () => {
  it('accepts an old number with a real date; gender from the 15th digit', () => {
    expect(checkIdNumber('110105491231002')).toEqual({
      normalized: '110105491231002',
      kind: 'id15',
      valid: true,
      gender: 'female',
      birthDate: '1949-12-31',
      problem: null,
    });
    expect(checkIdNumber('110105491231001')).toMatchObject({ valid: true, gender: 'male' });
  });
  it('reads the date as 19YYMMDD', () => {
    expect(checkIdNumber('110105000101001')).toMatchObject({ valid: true, birthDate: '1900-01-01' });
    expect(checkIdNumber('110105960229001')).toMatchObject({ valid: true, birthDate: '1996-02-29' });
    expect(checkIdNumber('110105970229001')).toMatchObject({ valid: false, problem: 'birthdate', gender: 'unknown' });
    expect(checkIdNumber('110105001301001')).toMatchObject({ valid: false, problem: 'birthdate' });
  });
  it('1900 is no leap year', () => {
    expect(checkIdNumber('110105000229001')).toMatchObject({ valid: false, problem: 'birthdate' });
  });
  it('is intact when it came from a number cell (15 digits fit)', () => {
    expect(checkIdNumber('110105491231002', { fromNumber: true })).toMatchObject({ valid: true, gender: 'female' });
  });
});

describe('checkIdNumber: other text', () => {
  it('reports empty cells', () => {
    for (const s of ['', '   ', '\u3000']) {
      const r = checkIdNumber(s);
      expect(r).toMatchObject({ kind: 'other', valid: false, problem: 'empty', gender: 'unknown', birthDate: null });
      expect(idProblemMessage(r)).toBe('身份证号为空');
    }
    expect(checkIdNumber(undefined as unknown as string).problem).toBe('empty');
  });
  it('reports wrong lengths and characters as format', () => {
    for (const s of ['1101051949123100', '11010519491231002XX', '1101051949123100X2', 'abc', '11010519491231002Y', '110105—19491231—002X']) {
      const r = checkIdNumber(s);
      expect(r.problem, s).toBe('format');
      expect(r).toMatchObject({ kind: 'other', valid: false, gender: 'unknown', birthDate: null });
      expect(idProblemMessage(r)).toBe('身份证号格式不对（应为18位或15位）');
    }
    expect(checkIdNumber('11010549123100X').problem).toBe('format');
  });
});

describe('checkIdNumber: numbers stored by Excel', () => {
  it('reports a truncated 18-digit number and does not trust its gender', () => {
    const r = checkIdNumber('330122198207071000', { fromNumber: true });
    expect(r).toEqual({
      normalized: '330122198207071000',
      kind: 'id18',
      valid: false,
      gender: 'unknown',
      birthDate: '1982-07-07',
      problem: 'number-truncated',
    });
    expect(idProblemMessage(r)).toBe('身份证号被存为数字，末几位已丢失（Excel 只保留15位有效数字），无法校验');
  });
  it('never trusts an 18-digit number cell, even when its check happens to pass', () => {
    // Find a truncated value ending in 000 whose check character is 0 by chance.
    let lucky = '';
    for (let k = 100; k < 1000 && !lucky; k++) {
      const candidate = `330122198207${k}000`;
      if (refCheckChar(candidate.slice(0, 17)) === '0') lucky = candidate;
    }
    expect(lucky).not.toBe('');
    expect(checkIdNumber(lucky).valid).toBe(true); // as text it would pass
    expect(checkIdNumber(lucky, { fromNumber: true })).toMatchObject({ valid: false, gender: 'unknown', problem: 'number-truncated' });
    const full = makeId('33012219820707101');
    expect(checkIdNumber(full, { fromNumber: true })).toMatchObject({ valid: false, problem: 'number-truncated' });
  });
  it('without fromNumber the same digits are a plain checksum failure', () => {
    const text = '330122198207071000';
    if (refCheckChar(text.slice(0, 17)) !== '0') expect(checkIdNumber(text).problem).toBe('checksum');
  });
  it('expands exponent strings and reports them as truncated', () => {
    for (const s of ['3.30122198207071E+17', '3.30122198207071e+17', '3.30122198207071E17', '３.３０１２２１９８２０７０７１Ｅ＋１７']) {
      const r = checkIdNumber(s);
      expect(r, s).toMatchObject({
        normalized: '330122198207071000',
        kind: 'id18',
        valid: false,
        gender: 'unknown',
        problem: 'number-truncated',
      });
    }
    expect(checkIdNumber('3.30122198207071E+17', { fromNumber: true }).problem).toBe('number-truncated');
  });
  it('gives no birth date when the exponent form lost the date digits', () => {
    const r = checkIdNumber('3.30122E+17');
    expect(r).toMatchObject({ normalized: '330122000000000000', problem: 'number-truncated', birthDate: null });
  });
  it('exponent text with all 15 digits of an old number is intact', () => {
    expect(checkIdNumber('1.10105491231002E+14')).toMatchObject({ normalized: '110105491231002', kind: 'id15', valid: true, gender: 'female' });
    expect(checkIdNumber('1.10105E+14')).toMatchObject({ kind: 'id15', valid: false, problem: 'number-truncated', gender: 'unknown' });
  });
  it('exponent text that is not an ID length is truncated, not format', () => {
    expect(checkIdNumber('1.2E+5').problem).toBe('number-truncated');
    expect(checkIdNumber('1.5E+0').problem).toBe('format');
  });
  it('wrong length from a number cell is a format problem', () => {
    expect(checkIdNumber('12345', { fromNumber: true }).problem).toBe('format');
  });
  it('round-trips numberToIdText of a truncated double', () => {
    const text = numberToIdText(330122198207071234);
    expect(text).toBe('330122198207071000');
    expect(checkIdNumber(text, { fromNumber: true }).problem).toBe('number-truncated');
  });
});

describe('idProblemMessage', () => {
  it('is empty when there is no problem', () => {
    expect(idProblemMessage(checkIdNumber('11010519491231002X'))).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('shows the first 6 and the last 4', () => {
    expect(maskIdNumber('330122198207071000')).toBe('330122********1000');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
    expect(maskIdNumber('1234567890')).toBe('1234567890');
  });
  it('masks short text except its last 2', () => {
    expect(maskIdNumber('123456789')).toBe('*******89');
    expect(maskIdNumber('abc')).toBe('*bc');
    expect(maskIdNumber('12')).toBe('**');
    expect(maskIdNumber('1')).toBe('*');
    expect(maskIdNumber('')).toBe('');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(maskIdNumber('一二三四五六七八九十一')).toBe('一二三四五六*八九十一');
    expect(maskIdNumber('𠀀𠀀𠀀')).toBe('*𠀀𠀀');
  });
});

describe('numberToIdText', () => {
  it('writes 15 significant digits in full', () => {
    expect(numberToIdText(330122198207071000)).toBe('330122198207071000');
    expect(numberToIdText(3.30122198207071e17)).toBe('330122198207071000');
    expect(numberToIdText(330122198207071234)).toBe('330122198207071000');
    expect(numberToIdText(110105194912310020)).toBe('110105194912310000');
  });
  it('rounds the 15th digit as Excel does', () => {
    expect(numberToIdText(330122198207071600)).toBe('330122198207072000');
  });
  it('keeps numbers that fit', () => {
    expect(numberToIdText(110105491231002)).toBe('110105491231002');
    expect(numberToIdText(12)).toBe('12');
    expect(numberToIdText(0)).toBe('0');
    expect(numberToIdText(-0)).toBe('0');
    expect(numberToIdText(-12)).toBe('-12');
    expect(numberToIdText(1e20)).toBe('100000000000000000000');
    expect(numberToIdText(1e21)).toBe('1000000000000000000000');
  });
  it('keeps a fraction without trailing zeros', () => {
    expect(numberToIdText(12.5)).toBe('12.5');
    expect(numberToIdText(0.001)).toBe('0.001');
    expect(numberToIdText(1.5e-7)).toBe('0.00000015');
  });
  it('returns empty text for non-finite numbers', () => {
    expect(numberToIdText(NaN)).toBe('');
    expect(numberToIdText(Infinity)).toBe('');
  });
});

describe('the clean 18-character fast path', () => {
  it('answers exactly as the general path (reached through a leading space) for valid and broken IDs', () => {
    let seed = 7;
    const rand = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (((t ^ (t >>> 14)) >>> 0) % n);
    };
    const dates = ['19800101', '20000229', '19000229', '21001231', '18991231', '19801301', '19800132', '19800431', '20240229', '19990229', '00000000'];
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const body = `${String(110000 + rand(800000))}${dates[rand(dates.length)]}${String(rand(1000)).padStart(3, '0')}`;
      const last = rand(4) === 0 ? CHECK_VARIANTS[rand(CHECK_VARIANTS.length)] : idCheckChar(body);
      const id = body + last;
      const fast = checkIdNumber(id);
      if (fast.valid) valid++;
      expect(fast).toEqual(checkIdNumber(` ${id}`));
      expect(checkIdNumber(id, { fromNumber: true })).toEqual(checkIdNumber(` ${id}`, { fromNumber: true }));
    }
    expect(valid).toBeGreaterThan(500);
  });
});

const CHECK_VARIANTS = ['0', '1', '5', '9', 'X'];
