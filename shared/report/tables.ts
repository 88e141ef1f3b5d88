// The report model as tables (header, rows, marks): what the Excel sheets, the per-township workbooks and
// the CSV print, so that each table is laid out once. Pure.

import { STATUS_LABEL, OUTCOME_LABEL } from '../summary.ts';
import { complianceRate, FINDING_KIND, SEVERITY_LABEL } from './labels.ts';
import type { ReportModel, TownshipLine, WomenStats } from './model.ts';
import type { Figures } from './figures.ts';
import { localTime, rateValue, scrubIds } from './text.ts';
import { titleOf } from './build.ts';

export type TableCell = string | number | null;
export type TableMark = 'red' | 'amber' | null;

export interface ReportTable {
  name: string;
  /** The title over the table. */
  title: string;
  columns: Array<{ header: string; numFmt?: string; maxWidth?: number }>;
  rows: TableCell[][];
  marks: TableMark[];
  totalRow?: boolean;
  note?: string;
}

const PCT = '0.0%';

/** "截至2026年12月4日　规则：两进一有　填报单位：××县妇联" */
export function subtitleOf(m: ReportModel): string {
  return `截至${m.dateText}　规则：${m.ruleSet.name}　填报单位：${m.organisation}${m.asOf && m.basedOn ? `　（第${m.basedOn.id}次导入后的数据）` : ''}`;
}

function figuresRow(f: Figures & { women: WomenStats }, m: ReportModel): TableCell[] {
  return [
    f.expected,
    f.reported,
    f.notReported,
    f.offList,
    f.compliant,
    f.noncompliant,
    f.incomplete,
    rateValue(complianceRate(f)),
    ...m.ruleSet.parts.map((p) => rateValue(f.parts[p.id]?.passRate ?? null)),
    f.women.women,
    f.women.averageAge,
    f.women.ageKnown ? f.women.bands[0] : null,
    f.women.educationKnown ? f.women.college : null,
  ];
}

export function summaryTable(m: ReportModel): ReportTable {
  const lines: Array<TownshipLine | ReportModel['total']> = [...m.townships, m.total];
  const unknownAge = m.total.women.women - m.total.women.ageKnown;
  const unknownEdu = m.total.women.women - m.total.women.educationKnown;
  return {
    name: '汇总',
    title: m.title,
    columns: [
      { header: '序号' },
      { header: '乡镇（街道）' },
      { header: '应报村数' },
      { header: '已报送' },
      { header: '未报送' },
      { header: '名单外' },
      { header: '达标' },
      { header: '不达标' },
      { header: '数据不全' },
      { header: '达标率', numFmt: PCT },
      ...m.ruleSet.parts.map((p) => ({ header: p.label, numFmt: PCT, maxWidth: 18 })),
      { header: '女性两委成员' },
      { header: '平均年龄', numFmt: '0.0' },
      { header: '35岁及以下' },
      { header: '大专及以上' },
    ],
    rows: lines.map((f, i) => [i < m.townships.length ? i + 1 : null, i < m.townships.length ? f.township : '合计', ...figuresRow(f, m)]),
    marks: lines.map(() => null),
    totalRow: true,
    note:
      `说明：达标率＝达标村数÷已报送村数（含名单外）；各项达标率以同一基数计。${m.masterList ? '' : '尚未设置应报村名单，应报、未报送、名单外不计。'}` +
      `女性两委成员${m.total.women.women}名，其中年龄不详${unknownAge}名、学历不详${unknownEdu}名（以统计表报送的村只有人数）；平均年龄、35岁及以下、大专及以上只计已知者，不作推测。` +
      (m.basedOn ? `数据依据：共${m.imports.length}次导入，截至第${m.basedOn.id}次（${localTime(m.basedOn.importedAt)}）。` : ''),
  };
}

export function noncompliantTable(m: ReportModel): ReportTable {
  return {
    name: '不达标村',
    title: titleOf(m.scope, '未实现村名单'),
    columns: [{ header: '序号' }, { header: '乡镇' }, { header: '村' }, { header: '未达标项', maxWidth: 30 }, { header: '原因', maxWidth: 60 }, { header: '还差', maxWidth: 40 }, { header: '报送时间' }, { header: '来源文件', maxWidth: 40 }],
    rows: m.noncompliant.map((v, i) => [
      i + 1,
      v.township,
      v.village,
      v.failed.map((f) => f.label).join('；'),
      scrubIds(v.failed.map((f) => f.reason).join('；'), m.fullIds),
      v.failed.map((f) => f.missing).filter(Boolean).join('；'),
      localTime(v.reportedAt),
      v.files.join('、'),
    ]),
    marks: m.noncompliant.map(() => 'red'),
  };
}

export function incompleteTable(m: ReportModel): ReportTable {
  return {
    name: '数据不全村',
    title: titleOf(m.scope, '数据不全村名单'),
    columns: [{ header: '序号' }, { header: '乡镇' }, { header: '村' }, { header: '无法判定的项', maxWidth: 30 }, { header: '缺少什么', maxWidth: 60 }, { header: '报送时间' }, { header: '来源文件', maxWidth: 40 }],
    rows: m.incomplete.map((v, i) => [
      i + 1,
      v.township,
      v.village,
      v.lacking.map((f) => f.label).join('；'),
      scrubIds(v.lacking.map((f) => f.reason).join('；'), m.fullIds),
      localTime(v.reportedAt),
      v.files.join('、'),
    ]),
    marks: m.incomplete.map(() => 'amber'),
  };
}

export function notReportedTable(m: ReportModel): ReportTable {
  return {
    name: '未报送村',
    title: titleOf(m.scope, '未报送村名单'),
    columns: [{ header: '序号' }, { header: '乡镇' }, { header: '村' }],
    rows: m.notReported.map((v, i) => [i + 1, v.township, v.village]),
    marks: m.notReported.map(() => null),
    note: m.masterList ? undefined : '尚未设置应报村名单，无法列出未报送的村。',
  };
}

export function villagesTable(m: ReportModel): ReportTable {
  return {
    name: '村庄明细',
    title: titleOf(m.scope, '各村明细表'),
    columns: [
      { header: '序号' },
      { header: '乡镇' },
      { header: '村' },
      { header: '结论' },
      { header: '两委成员' },
      { header: '其中女性' },
      { header: '村民代表' },
      { header: '其中女性代表' },
      ...m.ruleSet.parts.map((p) => ({ header: p.label, maxWidth: 18 })),
      { header: '说明', maxWidth: 60 },
      { header: '应报名单内' },
      { header: '报送时间' },
      { header: '来源文件', maxWidth: 40 },
    ],
    rows: m.villages.map((v, i) => [
      i + 1,
      v.township,
      v.village,
      STATUS_LABEL[v.status],
      v.counts.committeeMembers,
      v.counts.committeeWomen,
      v.counts.representatives,
      v.counts.womenRepresentatives,
      ...m.ruleSet.parts.map((p) => (v.rules[p.id] ? OUTCOME_LABEL[v.rules[p.id]] : '')),
      scrubIds(
        m.ruleSet.parts
          .filter((p) => v.rules[p.id] && v.rules[p.id] !== 'pass')
          .map((p) => `${p.label}：${v.reasons[p.id] ?? ''}`)
          .join('；'),
        m.fullIds,
      ),
      m.masterList ? (v.expected ? '是' : '否') : '',
      localTime(v.reportedAt),
      v.files.join('、'),
    ]),
    marks: m.villages.map((v) => (v.status === 'noncompliant' ? 'red' : v.status === 'incomplete' ? 'amber' : null)),
  };
}

export function findingsTable(m: ReportModel): ReportTable {
  return {
    name: '数据问题',
    title: titleOf(m.scope, '数据质量问题清单'),
    columns: [{ header: '序号' }, { header: '文件', maxWidth: 40 }, { header: '工作表' }, { header: '行' }, { header: '级别' }, { header: '类别' }, { header: '乡镇' }, { header: '村' }, { header: '说明', maxWidth: 70 }],
    rows: m.findings.map((f, i) => [i + 1, f.file, f.sheet, f.row, SEVERITY_LABEL[f.severity], FINDING_KIND[f.code] ?? f.code, f.township ?? '', f.village ?? '', scrubIds(f.message, m.fullIds)]),
    marks: m.findings.map((f) => (f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'amber' : null)),
  };
}

/** The six sheets of the compliance report, in order. */
export function reportTables(m: ReportModel): ReportTable[] {
  return [summaryTable(m), noncompliantTable(m), incompleteTable(m), notReportedTable(m), villagesTable(m), findingsTable(m)];
}
