// The report's figures in sentences, as the written situation report states them. Every number comes
// from the model (figures.ts through build.ts); nothing is counted here. Pure.

import { complianceRate } from './labels.ts';
import type { ReportModel, ShortfallLine } from './model.ts';
import { percent } from './text.ts';

/** 一、总体情况, first paragraph: "截至…，全县应换届…个村（社区），已报送…个，其中…". */
export function overallSentence(m: ReportModel): string {
  const t = m.total;
  const head =
    t.expected !== null
      ? `截至${m.dateText}，全县应换届${t.expected}个村（社区），已报送${t.reported}个${t.notReported ? `，尚有${t.notReported}个未报送` : ''}${t.offList ? `（另有${t.offList}个不在应报名单内的村已报送）` : ''}`
      : `截至${m.dateText}，全县已报送${t.reported}个村（社区）（尚未设置应报村名单）`;
  return `${head}。已报送的村中，${t.compliant}个实现“两进一有”，达标率${percent(complianceRate(t))}；${t.noncompliant}个村尚未实现，${t.incomplete}个村数据不全待核实。`;
}

/** Each part's pass rate in one sentence. */
export function partsSentence(m: ReportModel): string {
  const items = m.ruleSet.parts.map((p) => {
    const tally = m.total.parts[p.id];
    return `${p.label}的村${tally ? tally.pass : 0}个（${percent(tally?.passRate ?? null)}）`;
  });
  return items.length ? `分项看，${items.join('，')}。` : '';
}

/** The work plan's wider aim, where known: women's number, average age, age bands, education. */
export function womenSentence(m: ReportModel): string {
  const w = m.total.women;
  if (w.women === 0) return '';
  const parts = [`全县村“两委”班子中女性成员共${w.women}名`];
  if (w.ageKnown) {
    parts.push(
      `年龄可知的${w.ageKnown}名，平均年龄${w.averageAge!.toFixed(1)}岁，其中35岁及以下${w.bands[0]}名、36至45岁${w.bands[1]}名、46至55岁${w.bands[2]}名、56岁以上${w.bands[3]}名`,
    );
  } else parts.push('报送材料均未载明年龄');
  if (w.educationKnown) parts.push(`学历可知的${w.educationKnown}名，其中大专及以上学历${w.college}名（占${percent(w.collegeShare)}）`);
  else parts.push('报送材料均未载明学历');
  const unknownAge = w.women - w.ageKnown;
  const unknownEdu = w.women - w.educationKnown;
  return `${parts.join('；')}。${unknownAge || unknownEdu ? `另有年龄不详${unknownAge}名、学历不详${unknownEdu}名，未作推测。` : ''}`;
}

/** The townships that lag most: below the county's rate, lowest first (at most three). */
export function laggingSentence(m: ReportModel): string {
  const county = complianceRate(m.total);
  if (county === null) return '';
  const lag = m.townships
    .map((t) => ({ name: t.township, rate: complianceRate(t) }))
    .filter((t): t is { name: string; rate: number } => t.rate !== null && t.rate < county)
    .sort((a, b) => a.rate - b.rate)
    .slice(0, 3);
  if (!lag.length) return `各乡镇（街道）达标率均不低于全县平均水平（${percent(county)}）。`;
  return `达标率低于全县平均水平（${percent(county)}）的乡镇（街道）中，较低的是${lag.map((t) => `${t.name}（${percent(t.rate)}）`).join('、')}。`;
}

/** The villages that fall short, grouped by the part they miss (a village missing two is in both groups). */
export function shortfallGroups(m: ReportModel): Array<{ id: string; label: string; villages: Array<{ line: ShortfallLine; reason: string; missing: string }> }> {
  return m.ruleSet.parts
    .map((p) => ({
      id: p.id,
      label: p.label,
      villages: m.noncompliant.flatMap((line) => line.failed.filter((f) => f.id === p.id).map((f) => ({ line, reason: f.reason, missing: f.missing }))),
    }))
    .filter((g) => g.villages.length > 0);
}
