// The master list as a clerk writes it: bare names (青山, 上塘), 居委会 for 村, a village missing from the
// list, one not reported, and a name two reported villages fit. Every figure of `status --json` is
// checked against the figures worked out by hand below, and they add up for each township and the county.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'quota-watch.mjs'), ...args], { encoding: 'utf8', cwd: root, input: '', maxBuffer: 64 << 20 });
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Fig {
  township: string;
  expected: number | null;
  reported: number;
  notReported: number | null;
  offList: number | null;
  compliant: number;
  noncompliant: number;
  incomplete: number;
}
const pick = (f: Fig) => ({ expected: f.expected, reported: f.reported, notReported: f.notReported, offList: f.offList, compliant: f.compliant, noncompliant: f.noncompliant, incomplete: f.incomplete });

let tmp: string;
let db: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qw-master-list-'));
  db = path.join(tmp, 'county.sqlite');
  // Two villages of 青山镇 whose names share the stem 港口: neither has representatives listed (数据不全).
  const harbour = path.join(tmp, '青山镇补报.csv');
  fs.writeFileSync(harbour, ['乡镇,村,姓名,性别,职务', '青山镇,港口村,张丽,女,书记、妇联主席', '青山镇,港口村,王强,男,主任', '青山镇,港口社区,李芳,女,书记、妇联主席', '青山镇,港口社区,赵刚,男,主任'].join('\n'));
  expect(cli('import', path.join(fixtures, '青山镇-换届名单.xlsx'), harbour, '--db', db, '--create').code).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('without a master list', () => {
  it('expected, notReported and offList are null, not 0; reported counts every reported village', () => {
    const s = JSON.parse(cli('status', '--json', '--db', db).out);
    expect(s.expectedListSet).toBe(false);
    expect(s.notReported).toBeNull();
    expect(s.offList).toBeNull();
    // 青山镇-换届名单.xlsx: 青山镇 5 villages (2 compliant, 2 not, 1 incomplete), 北岭镇 3 (2, 1, 0); plus 港口村, 港口社区.
    expect(pick(s.totals.county)).toEqual({ expected: null, reported: 10, notReported: null, offList: null, compliant: 4, noncompliant: 3, incomplete: 3 });
    const text = cli('status', '--db', db).out;
    expect(text).toContain('已报送 10 个村（未设应报村名单）');
  });
});

describe('a list with bare names, an extra village, a missing one and an ambiguous one', () => {
  let s: {
    totals: { county: Fig; townships: Fig[] };
    notReported: Array<{ township: string; village: string }>;
    offList: Array<{ township: string; village: string }>;
    findings: Array<{ severity: string; code: string; message: string }>;
  };
  beforeAll(() => {
    const list = path.join(tmp, '应报村名单.csv');
    fs.writeFileSync(
      list,
      ['乡镇,村', '青山,上塘', '青山镇,下洋村', '青山镇,竹坞村', '青山镇,茶山村', '青山镇,新屋村', '青山镇,港口', '北岭镇,岭头村村民委员会', '北岭镇,后山居委会'].join('\n'),
    );
    const set = cli('villages', '--expected', list, '--db', db);
    expect(set.code).toBe(0);
    expect(set.out).toContain('2 个乡镇、8 个村，其中 2 个村尚未报送');
    s = JSON.parse(cli('status', '--json', '--db', db).out);
  });

  it('figures per township and for the county, as worked out by hand', () => {
    const t = Object.fromEntries(s.totals.townships.map((x) => [x.township, pick(x)]));
    expect(Object.keys(t).sort()).toEqual(['北岭镇', '青山镇']);
    // 青山镇: on the list 上塘(村) 下洋 竹坞 茶山 新屋 港口 = 6; reported of them 4; not reported 新屋, 港口 = 2;
    // off the list 溪口村, 港口村, 港口社区 = 3; the 7 reported villages: 2 compliant, 2 not, 3 incomplete.
    expect(t['青山镇']).toEqual({ expected: 6, reported: 4, notReported: 2, offList: 3, compliant: 2, noncompliant: 2, incomplete: 3 });
    // 北岭镇: 岭头村 (its committee's name), 后山 (居委会 for 村) on the list and reported; 石塘村 off the list.
    expect(t['北岭镇']).toEqual({ expected: 2, reported: 2, notReported: 0, offList: 1, compliant: 2, noncompliant: 1, incomplete: 0 });
    expect(pick(s.totals.county)).toEqual({ expected: 8, reported: 6, notReported: 2, offList: 4, compliant: 4, noncompliant: 3, incomplete: 3 });
  });

  it('the figures add up everywhere', () => {
    for (const f of [s.totals.county, ...s.totals.townships]) {
      expect(f.reported + f.notReported!, f.township).toBe(f.expected);
      expect(f.compliant + f.noncompliant + f.incomplete, f.township).toBe(f.reported + f.offList!);
    }
    for (const key of ['expected', 'reported', 'notReported', 'offList', 'compliant', 'noncompliant', 'incomplete'] as const) {
      expect(s.totals.townships.reduce((n, x) => n + (x[key] as number), 0), key).toBe(s.totals.county[key]);
    }
    expect(s.notReported).toHaveLength(s.totals.county.notReported!);
    expect(s.offList).toHaveLength(s.totals.county.offList!);
  });

  it('lists the villages not reported and those not on the list', () => {
    const names = (xs: Array<{ township: string; village: string }>) => xs.map((x) => `${x.township} ${x.village}`).sort();
    expect(names(s.notReported)).toEqual(['青山镇 新屋村', '青山镇 港口'].sort());
    expect(names(s.offList)).toEqual(['北岭镇 石塘村', '青山镇 港口社区', '青山镇 港口村', '青山镇 溪口村'].sort());
  });

  it('says each loose match (info), the ambiguous name (warning, matched to neither) and each village off the list', () => {
    const by = (code: string) => s.findings.filter((f) => f.code === code).map((f) => `${f.severity} ${f.message}`);
    expect(by('list-place-joined').sort()).toEqual(
      [
        'info 应报名单中的乡镇“青山”与报送的“青山镇”按同一个乡镇计',
        'info 应报名单中的“青山镇 上塘”与报送的“青山镇 上塘村”按同一个村计',
        'info 应报名单中的“北岭镇 后山居委会”与报送的“北岭镇 后山村”按同一个村计',
      ].sort(),
    );
    const ambiguous = by('list-place-ambiguous');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatch(/^warning 青山镇：应报名单中的“港口”与报送的“港口村”“港口社区”名称相近.*均未对应/);
    expect(by('off-list')).toHaveLength(4);
    expect(by('off-list')).toContain('warning 青山镇 溪口村：已报送，但不在应报村名单中（不在应报名单）');
  });

  it('the text shows the same figures, the lists and the notes', () => {
    const r = cli('status', '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toContain('全县：应报 8，已报 6，未报 2，名单外 4；达标 4，不达标 3，数据不全 3');
    expect(r.out).toContain('青山镇：应报 6，已报 4，未报 2，名单外 3；达标 2，不达标 2，数据不全 3');
    expect(r.out).toContain('未报送（2 个村）');
    expect(r.out).toContain('不在应报名单（已报送，4 个村）');
    expect(r.out).toContain('应报名单核对：');
  });
});
