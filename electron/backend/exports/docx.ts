// The written situation report (.docx, `docx` package) after GB/T 9704-2012: A4, type area 156 × 225 mm
// (margins top 37, binding 28, right 26, bottom 35 mm), 22 lines of 28 characters (fixed 28.95 pt lines at
// 三号), title 二号 方正小标宋简体, body 三号 仿宋_GB2312, level-1 headings 黑体, level-2 楷体_GB2312, page
// numbers "— 1 —" in 四号, odd pages right and even pages left. Each font names its fallback in the file.

import {
  AlignmentType,
  Document,
  Footer,
  HighlightColor,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { complianceRate } from '../../../shared/report/labels.ts';
import type { ReportModel } from '../../../shared/report/model.ts';
import { laggingSentence, overallSentence, partsSentence, shortfallGroups, womenSentence } from '../../../shared/report/prose.ts';
import { percent, scrubIds } from '../../../shared/report/text.ts';
import { CHART_HEIGHT, CHART_WIDTH, passRatePng, passRateSvg } from './chart.ts';
import { withFontFallbacks } from './docx-fonts.ts';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
} as const;

const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PT = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 }; // half-points
const LINE = 579; // 28.95 pt in twips: 22 lines in the 225 mm type area
const CHAR = 320; // one 三号 character, in twips

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, hint: 'eastAsia' as const });

function body(text: string, opts: { indent?: boolean; highlight?: boolean } = {}): Paragraph {
  return new Paragraph({
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: font(FONTS.body), size: PT.sanhao, highlight: opts.highlight ? HighlightColor.YELLOW : undefined })],
  });
}

function heading1(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
    children: [new TextRun({ text, font: font(FONTS.heading1), size: PT.sanhao })],
  });
}

function heading2(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
    children: [new TextRun({ text, font: font(FONTS.heading2), size: PT.sanhao })],
  });
}

function cell(text: string, opts: { bold?: boolean; width: number; align?: 'left' | 'center' } = { width: 1000 }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 360, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text, font: font(opts.bold ? FONTS.heading1 : FONTS.body), size: PT.xiaosi })],
      }),
    ],
  });
}

/** 二、各乡镇（街道）情况: the 汇总 figures, one row a township and 合计. */
function townshipTable(m: ReportModel): Table {
  const TYPE_AREA = mm(156);
  const heads = ['乡镇（街道）', '应报', '已报送', '达标', '不达标', '数据不全', '达标率'];
  // 小四 is 240 twips a character, plus the cell's margins: 数据不全 needs 1,200 to stay on one line.
  const widths = [2300, 1000, 1100, 1000, 1100, 1300];
  widths.push(TYPE_AREA - widths.reduce((s, w) => s + w, 0));
  const line = (name: string, f: ReportModel['total']) => [
    name,
    f.expected === null ? '—' : String(f.expected),
    String(f.reported),
    String(f.compliant),
    String(f.noncompliant),
    String(f.incomplete),
    percent(complianceRate(f)),
  ];
  const rows = [...m.townships.map((t) => line(t.township, t)), line('合计', m.total)];
  return new Table({
    width: { size: TYPE_AREA, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: heads.map((h, i) => cell(h, { bold: true, width: widths[i] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { width: widths[i], align: i === 0 ? 'left' : 'center' })) })),
    ],
  });
}

function chart(m: ReportModel): Paragraph[] {
  if (!m.townships.length) return [];
  const width = 560;
  const height = Math.round((width * CHART_HEIGHT) / CHART_WIDTH);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(passRateSvg(m), 'utf8'),
          transformation: { width, height },
          fallback: { type: 'png', data: passRatePng(m) },
          altText: { name: '各乡镇（街道）达标率', description: '各乡镇（街道）“两进一有”达标率柱状图', title: '各乡镇（街道）达标率' },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: [new TextRun({ text: '图1　各乡镇（街道）“两进一有”达标率', font: font(FONTS.body), size: PT.sihao })],
    }),
    // Word processors that show the PNG fallback (LibreOffice, older WPS) draw no text in it: the bars in words.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 360, lineRule: LineRuleType.EXACT },
      children: [
        new TextRun({
          text: `（自左至右：${m.townships.map((t) => `${t.township} ${percent(complianceRate(t))}`).join('、')}；虚线为全县 ${percent(complianceRate(m.total))}）`,
          font: font(FONTS.body),
          size: PT.xiaosi,
        }),
      ],
    }),
  ];
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function problems(m: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  let n = 0;
  const sub = (title: string) => out.push(heading2(`（${ORDINALS[n++] ?? n}）${title}`));
  for (const g of shortfallGroups(m)) {
    sub(`${g.label}未实现的村（${g.villages.length}个）`);
    g.villages.forEach((v, i) => out.push(body(`${i + 1}. ${v.line.township}${v.line.village}：${scrubIds(v.reason, m.fullIds)}${v.missing ? `，${v.missing}` : ''}。`)));
  }
  if (m.notReported.length) {
    sub(`尚未报送的村（${m.notReported.length}个）`);
    const byTownship = new Map<string, string[]>();
    for (const v of m.notReported) byTownship.set(v.township, [...(byTownship.get(v.township) ?? []), v.village]);
    for (const [t, vs] of byTownship) out.push(body(`${t}：${vs.join('、')}（${vs.length}个）。`));
  }
  if (m.incomplete.length) {
    sub(`数据不全、待核实的村（${m.incomplete.length}个）`);
    m.incomplete.forEach((v, i) => out.push(body(`${i + 1}. ${v.township}${v.village}：${scrubIds(v.lacking.map((l) => `${l.label}无法判定（${l.reason}）`).join('；'), m.fullIds)}。`)));
  }
  if (!out.length) out.push(body('已报送的村均已实现“两进一有”，未发现问题。'));
  return out;
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: PT.sihao })],
      }),
    ],
  });
}

export function situationDocument(m: ReportModel): Document {
  const women = womenSentence(m);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: LINE },
      children: [new TextRun({ text: `关于${m.county === '本县' ? '全县' : m.county}村级组织换届“两进一有”落实情况的报告`, font: font(FONTS.title), size: PT.erhao })],
    }),
    heading1('一、总体情况'),
    body(overallSentence(m)),
    body(partsSentence(m)),
    ...(women ? [body(women)] : []),
    heading1('二、各乡镇（街道）情况'),
    townshipTable(m),
    body(laggingSentence(m)),
    ...chart(m),
    heading1('三、存在的问题'),
    ...problems(m),
    heading1('四、下步工作'),
    body('【此处由经办人填写下步工作安排，本程序不代拟政策内容】', { highlight: true }),
    body(''),
    body('附件：1. 各乡镇（街道）“两进一有”情况统计表'),
    new Paragraph({
      indent: { left: 5 * CHAR },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: '2. 未实现“两进一有”村名单', font: font(FONTS.body), size: PT.sanhao })],
    }),
    body(''),
    ...[m.organisation, m.dateText].map(
      (t) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: 4 * CHAR },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: t, font: font(FONTS.body), size: PT.sanhao })],
        }),
    ),
  ];
  return new Document({
    creator: m.organisation,
    title: `${m.county}村级组织换届“两进一有”落实情况的报告`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: PT.sanhao } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(28) - 200, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

export async function situationReport(m: ReportModel): Promise<Uint8Array> {
  return withFontFallbacks(new Uint8Array(await Packer.toBuffer(situationDocument(m))));
}
