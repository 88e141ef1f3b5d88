// CSV text → rows: every cell the text typed, whatever the delimiter, quoting or encoding.

import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../../shared/reading/csv.ts';

describe('parseCsv', () => {
  it('unwraps ="…", as web systems export long numbers so that Excel keeps every digit', () => {
    const { rows } = parseCsv('姓名,身份证号\n张三,"=""330122198001011234"""\n李四,="330122198001011234"\n王五,=A1\n');
    expect(rows.map((r) => r[1])).toEqual(['身份证号', '330122198001011234', '330122198001011234', '=A1']);
  });
  it('reads tab- and semicolon-separated text', () => {
    expect(parseCsv('a\tb\n1\t2\n').rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a;b\n"1;x";2\n').rows).toEqual([['a', 'b'], ['1;x', '2']]);
  });
});

describe('decodeText', () => {
  it('reads UTF-16 with its byte-order mark (Excel’s “Unicode 文本”)', () => {
    const text = '姓名\t性别\r\n张三\t男\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });
});
