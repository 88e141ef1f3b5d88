// Every export of the county's report, read back: the Excel workbook (SheetJS), the per-township
// workbooks, the CSV, the training list; figures asserted against `status` on the fixtures' store.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { Backend } from '../../electron/backend/service.ts';
import type { ReportModel, Status } from '../../shared/api.ts';
import { exportText, FIXTURE_FILES, FIXTURES, removeDir, sheetRows, tallyStatus, tempDir, writeXlsx, zipParts } from './helpers.ts';

let dir: string;
let backend: Backend;
let status: Status;
let model: ReportModel;
let fullIds: string[];

const out = (name: string) => path.join(dir, name);

async function exp(kind: 'xlsx' | 'townships' | 'docx' | 'csv' | 'training', target: string, extra: Record<string, unknown> = {}) {
  const r = await backend.handle('exportReport', { kind, target, county: '临江县', ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  dir = tempDir('qw-report-');
  backend = Backend.open(out('qw.sqlite'), { now: () => new Date(2026, 11, 4, 10, 0) });
  await backend.importFiles({ paths: FIXTURE_FILES.map((f) => path.join(FIXTURES, f)) });
  const before = await backend.status();
  // The master list: every reported village but the first, and two that never reported.
  const list = [['乡镇', '村'], ...before.villages.slice(1).map((v) => [v.township, v.village]), ['青山镇', '未报一村'], ['云溪乡', '未报二村']];
  await backend.setExpectedVillages({ path: writeXlsx(out('应报村名单.xlsx'), [{ name: '名单', rows: list }]) });
  status = await backend.status();
  const r = await backend.handle('report', { county: '临江县' });
  if (!r.ok) throw new Error(r.error.message);
  model = r.value;
  fullIds = (backend.store.reader.db.prepare("SELECT DISTINCT id_key FROM person_rows WHERE id_key IS NOT NULL").all() as Array<{ id_key: string }>).map((x) => x.id_key);
});

afterAll(async () => {
  await backend.close();
  removeDir(dir);
});

describe('the report model', () => {
  it('has the figures status gives, per township and for the county', () => {
    const tally = tallyStatus(status);
    expect(model.townships.map((t) => t.township).sort()).toEqual([...tally.keys()].filter((k) => k !== '全县').sort());
    for (const line of [...model.townships, model.total]) {
      const t = tally.get(line.township)!;
      expect({ reported: line.compliant + line.noncompliant + line.incomplete, compliant: line.compliant, noncompliant: line.noncompliant, incomplete: line.incomplete }).toEqual({
        reported: t.reported,
        compliant: t.compliant,
        noncompliant: t.noncompliant,
        incomplete: t.incomplete,
      });
      for (const p of model.ruleSet.parts) expect(line.parts[p.id].pass).toBe(t.parts[p.id]);
    }
    expect(model.total.expected).toBe(status.villages.length + 1);
    expect(model.total.notReported).toBe(status.notReported!.length);
    expect(model.total.offList).toBe(1);
    expect(model.notReported).toEqual(expect.arrayContaining(status.notReported!));
    expect(model.noncompliant.length + model.incomplete.length + model.total.compliant).toBe(status.villages.length);
  });

  it('says for each village that falls short which part fails, why, and what is missing', () => {
    for (const v of model.noncompliant) {
      const s = status.villages.find((x) => x.township === v.township && x.village === v.village)!;
      expect(s.status).toBe('noncompliant');
      expect(v.failed.map((f) => f.id)).toEqual(Object.entries(s.rules).filter(([, o]) => o === 'fail').map(([id]) => id));
      for (const f of v.failed) {
        expect(f.reason).toBe(s.reasons[f.id]);
        expect(f.missing).not.toBe('');
      }
    }
    const reps = model.noncompliant.flatMap((v) => v.failed).find((f) => f.id === 'womenRepresentativesThird');
    expect(reps?.missing).toMatch(/^还差\d+名女性村民代表/u);
  });

  it('counts the women on the committees with ages from the ID numbers, never guessing', () => {
    const w = model.total.women;
    expect(w.women).toBeGreaterThan(0);
    expect(w.bands.reduce((s, n) => s + n, 0)).toBe(w.ageKnown);
    expect(w.ageKnown).toBeLessThanOrEqual(w.named);
    expect(model.women.filter((x) => x.age !== null)).toHaveLength(w.ageKnown);
    expect(model.women.every((x) => x.age === null || x.ageFrom !== null)).toBe(true);
    expect(w.educationKnown).toBe(0); // no fixture gives education: unknown, not guessed
    expect(w.collegeShare).toBeNull();
  });
});

describe('the Excel compliance report', () => {
  let file: string;
  let rows: Record<string, unknown[][]>;
  beforeAll(async () => {
    file = out('汇总.xlsx');
    await exp('xlsx', file);
    rows = sheetRows(file);
  });

  it('has the six sheets, each under the title, the date and the rule set', () => {
    expect(Object.keys(rows)).toEqual(['汇总', '不达标村', '数据不全村', '未报送村', '村庄明细', '数据问题']);
    expect(rows['汇总'][0][0]).toBe('临江县村级组织换届“两进一有”情况汇总表');
    expect(rows['汇总'][1][0]).toBe('截至2026年12月4日　规则：两进一有　填报单位：临江县妇联');
    for (const name of Object.keys(rows)) expect(String(rows[name][1][0])).toContain('规则：两进一有');
  });

  it('汇总: one row a township and 合计, values equal to status, rates as numbers', () => {
    const s = rows['汇总'];
    const head = s[2] as string[];
    expect(head.slice(0, 10)).toEqual(['序号', '乡镇（街道）', '应报村数', '已报送', '未报送', '名单外', '达标', '不达标', '数据不全', '达标率']);
    expect(head).toContain('女性两委成员');
    const tally = tallyStatus(status);
    const body = s.slice(3, 3 + model.townships.length + 1);
    expect(body[body.length - 1][1]).toBe('合计');
    for (const r of body) {
      const t = tally.get(r[1] === '合计' ? '全县' : (r[1] as string))!;
      expect([(r[3] as number) + ((r[5] as number | null) ?? 0), r[6], r[7], r[8]]).toEqual([t.reported, t.compliant, t.noncompliant, t.incomplete]);
      expect(r[9]).toBeCloseTo(t.compliant / t.reported, 3);
    }
    const total = body[body.length - 1];
    expect(total[2]).toBe(status.villages.length + 1);
    expect(total[4]).toBe(status.notReported!.length);
  });

  it('totals are values, not formulas; text cells are text; no links', () => {
    const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
    for (const name of wb.SheetNames) {
      for (const [addr, cell] of Object.entries(wb.Sheets[name])) {
        if (addr.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f, `${name}!${addr}`).toBeUndefined();
        expect((cell as XLSX.CellObject).l, `${name}!${addr}`).toBeUndefined();
      }
    }
    expect(exportText(file)).not.toMatch(/<f>|<hyperlink/u);
  });

  it('lists the villages that fall short, the incomplete and the unreported, sorted by township then village', () => {
    const non = rows['不达标村'].slice(3);
    expect(non.map((r) => `${r[1]}|${r[2]}`)).toEqual(model.noncompliant.map((v) => `${v.township}|${v.village}`));
    expect(non.length).toBe(status.villages.filter((v) => v.status === 'noncompliant').length);
    const townOrder = model.townships.map((t) => t.township);
    const keys = non.map((r) => townOrder.indexOf(r[1] as string));
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect(rows['数据不全村'].slice(3).length).toBe(status.villages.filter((v) => v.status === 'incomplete').length);
    expect(rows['未报送村'].slice(3).map((r) => `${r[1]}|${r[2]}`).sort()).toEqual(status.notReported!.map((v) => `${v.township}|${v.village}`).sort());
    expect(rows['村庄明细'].slice(3).length).toBe(status.villages.length);
    expect(rows['数据问题'].slice(3).length).toBe(status.findings.length);
  });

  it('is set up for print and reading: frozen headers, filters, A4 landscape, repeated rows, page numbers, red and amber', () => {
    const parts = zipParts(fs.readFileSync(file));
    const sheet1 = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet1).toMatch(/<pane [^>]*ySplit="3"[^>]*state="frozen"/u);
    expect(sheet1).toMatch(/<autoFilter ref="A3:/u);
    expect(sheet1).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/u);
    expect(sheet1).toMatch(/fitToHeight="0"/u);
    expect(sheet1).toContain('第 &amp;P 页 共 &amp;N 页');
    expect(parts.get('xl/workbook.xml')).toMatch(/_xlnm\.Print_Titles[^<]*>(&apos;)?汇总(&apos;)?!\$1:\$3</u);
    expect(parts.get('xl/styles.xml')).toContain('FFCF1322');
    expect(parts.get('xl/styles.xml')).toContain('FFD46B08');
    // CJK widths: the 原因 column is wider than the 序号 column.
    const cols = [...parts.get('xl/worksheets/sheet2.xml')!.matchAll(/<col [^>]*width="([\d.]+)"/gu)].map((m) => Number(m[1]));
    expect(cols[4]).toBeGreaterThan(cols[0] * 3);
  });

  it('masks ID numbers unless full numbers are asked for', async () => {
    expect(fullIds.length).toBeGreaterThan(0);
    const texts = [file];
    texts.push(out('明细.csv'), out('培训.xlsx'), out('报告.docx'));
    await exp('csv', out('明细.csv'));
    await exp('training', out('培训.xlsx'));
    await exp('docx', out('报告.docx'));
    const r = await exp('townships', out('乡镇'));
    texts.push(...r.files);
    for (const f of texts) {
      const text = exportText(f);
      for (const id of fullIds) expect(text.includes(id), `${path.basename(f)} holds ${id}`).toBe(false);
    }
    const full = out('培训-完整.xlsx');
    await exp('training', full, { fullIds: true });
    expect(fullIds.some((id) => exportText(full).includes(id))).toBe(true);
    const cell = sheetRows(full)['培训名单'].slice(3).find((row) => typeof row[5] === 'string' && /^\d{17}[\dX]$/u.test(row[5] as string));
    expect(cell).toBeDefined(); // the ID as text, never a number
  });
});

describe('the other exports', () => {
  it('per township: one workbook each, with only its villages and findings', async () => {
    const r = await exp('townships', out('分乡镇'));
    expect(r.files).toHaveLength(model.townships.length);
    for (const f of r.files) {
      const rows = sheetRows(f);
      const township = rows['汇总'][3][1] as string;
      expect(path.basename(f)).toContain(township);
      expect(rows['汇总'][0][0]).toBe(`${township}村级组织换届“两进一有”情况表`);
      const villages = rows['村庄明细'].slice(3);
      expect(villages.every((v) => v[1] === township)).toBe(true);
      expect(villages.length).toBe(status.villages.filter((v) => v.township === township).length);
      const findings = rows['数据问题'].slice(3);
      expect(findings.every((x) => x[6] === township || x[6] === '' || x[6] === null)).toBe(true);
      expect(findings.every((x) => x[3] === null || typeof x[3] === 'number')).toBe(true);
    }
  });

  it('CSV: UTF-8 with a BOM, one line a village, CRLF', async () => {
    await exp('csv', out('村庄.csv'));
    const bytes = fs.readFileSync(out('村庄.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(status.villages.length + 1);
    expect(lines[0].startsWith('序号,乡镇,村,结论')).toBe(true);
  });

  it('the training list: every woman on the committees, with blank 联系电话 and 培训时间', async () => {
    await exp('training', out('培训名单.xlsx'));
    const rows = sheetRows(out('培训名单.xlsx'))['培训名单'];
    expect(rows[2]).toEqual(expect.arrayContaining(['乡镇（街道）', '村（社区）', '姓名', '职务', '年龄', '学历', '联系电话', '培训时间']));
    const data = rows.slice(3, 3 + model.women.length);
    expect(data).toHaveLength(model.women.length);
    expect(data.every((r) => r[10] === null && r[11] === null)).toBe(true);
  });

  it('never overwrites without force; a locked target gets a Chinese message; the window gets a download', async () => {
    const f = out('一次.xlsx');
    await exp('xlsx', f);
    const again = await backend.handle('exportReport', { kind: 'xlsx', target: f });
    expect(again).toMatchObject({ ok: false, error: { code: 'target-exists' } });
    expect(!again.ok && again.error.message).toContain('已存在');
    expect((await backend.handle('exportReport', { kind: 'xlsx', target: f, force: true })).ok).toBe(true);
    // Excel's lock file beside the target
    fs.writeFileSync(out('~$一次.xlsx'), '');
    const locked = await backend.handle('exportReport', { kind: 'xlsx', target: f, force: true });
    expect(locked).toMatchObject({ ok: false, error: { code: 'target-locked' } });
    expect(!locked.ok && locked.error.message).toContain('Excel 或 WPS');
    // A folder that cannot be written
    const ro = out('只读');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o500);
    const denied = await backend.handle('exportReport', { kind: 'docx', target: path.join(ro, 'r.docx') });
    fs.chmodSync(ro, 0o700);
    if (process.getuid?.() !== 0) {
      expect(denied).toMatchObject({ ok: false, error: { code: 'target-locked' } });
      expect(fs.readdirSync(ro)).toEqual([]); // no temporary file left behind
    }
    const wrongExt = await backend.handle('exportReport', { kind: 'docx', target: out('x.xlsx') });
    expect(!wrongExt.ok && wrongExt.error.message).toContain('.docx');
    const dl = await backend.handle('exportReport', { kind: 'csv' });
    expect(dl.ok && dl.value.downloadId).toMatch(/^[0-9a-f-]{36}$/u);
    expect(dl.ok && fs.existsSync(dl.value.files[0])).toBe(true);
  });
});
