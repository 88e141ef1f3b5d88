// Test helpers for the store: temp folders, generated workbooks and CSV files, hand-written rosters.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { idCheckChar } from '../../shared/idcard.ts';
import { chineseNumber } from '../../shared/rules/ruleset.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
export const FIXTURE_FILES = ['东湖镇名单.xls', '云溪乡.xlsx', '枫林镇.xlsx', '柳岸乡名单-gbk.csv', '白沙镇两委及代表名单.xlsx', '石门街道统计表.xlsx', '青山镇-换届名单.xlsx'];

export function tempDir(prefix = 'qw-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A valid 18-character ID number, unique for each `seq` below 1,680,000; the 17th digit carries the gender. */
export function validId(seq: number, female: boolean): string {
  const p2 = (x: number) => String(x).padStart(2, '0');
  const body =
    '330122' +
    (1950 + (seq % 50)) +
    p2(1 + (Math.floor(seq / 50) % 12)) +
    p2(1 + (Math.floor(seq / 600) % 28)) +
    p2(Math.floor(seq / 16800) % 100) +
    (female ? '2' : '1');
  return body + idCheckChar(body);
}

export function writeXlsx(file: string, sheets: Array<{ name: string; rows: unknown[][] }>): string {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  fs.writeFileSync(file, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return file;
}

/** UTF-8 CSV with a BOM, as Excel saves it. */
export function writeCsv(file: string, rows: unknown[][]): string {
  fs.writeFileSync(file, '\uFEFF' + rows.map((r) => r.map((c) => String(c ?? '')).join(',')).join('\r\n') + '\r\n');
  return file;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红琴云梅建国文辉鹏飞燕婷雪琳晶慧倩颖佳';

/** A distinct name for each n (no digits: the reader skips a "name" with digits). */
export function personName(n: number): string {
  let s = SURNAMES[n % SURNAMES.length];
  let k = Math.floor(n / SURNAMES.length);
  do {
    s += GIVEN[k % GIVEN.length];
    k = Math.floor(k / GIVEN.length);
  } while (k > 0);
  return s;
}

/** "青石" + 二十三 + "村": village names are Han characters only. */
export function villageName(prefix: string, n: number): string {
  return `${prefix}${chineseNumber(n)}村`;
}

export const ROSTER_HEADER = ['乡镇', '村', '姓名', '性别', '职务', '身份证号', '是否村民代表'];

/**
 * A flat roster (one row a person) of `villages` villages in one township: 7 committee members (one woman,
 * the chair) and `reps` representatives, a third of them women. `seqBase` keeps ID numbers apart between files.
 */
export function generatedRoster(township: string, villages: number, reps: number, seqBase = 0): unknown[][] {
  const rows: unknown[][] = [ROSTER_HEADER];
  let seq = seqBase;
  for (let v = 0; v < villages; v++) {
    const village = villageName(township.slice(0, 2), v + 1);
    const posts = ['书记', '主任', '副书记', '副主任', '委员', '委员', '委员、妇联主席'];
    posts.forEach((post, i) => {
      const female = i === 6;
      rows.push([township, village, personName(seq), female ? '女' : '男', post, validId(++seq, female), '否']);
    });
    for (let i = 0; i < reps; i++) {
      const female = i % 3 === 0;
      rows.push([township, village, personName(seq), female ? '女' : '男', '', validId(++seq, female), '是']);
    }
  }
  return rows;
}
