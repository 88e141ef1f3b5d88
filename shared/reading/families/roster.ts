// The roster: one row a person (姓名, 性别, 职务, 身份证号, 是否村民代表 …), villages from a column, section
// rows, the sheet's name or title. Gives the committees, the representatives, or both, as the columns and
// the sheet's name and title say.

import type { PersonRow, PartKind, VillageInput } from '../../model.ts';
import { normalizeName, parseYesNo } from '../../text.ts';
import type { PostParse } from '../../seats.ts';
import { DEPARTED, TOTAL } from '../../vocabulary/index.ts';
import { mappingTraits, roleWeight, columnsOf, roleOfHeader } from '../columns.ts';
import { electedCell, genderCell, isGenderCoded, representativeCell, soleMark } from '../cells.ts';
import { committeeNamed, listSays, namesNonMemberList } from '../list-kind.ts';
import type { Family, TableRead } from '../table.ts';
import { shown, walk, type Walker } from '../walker.ts';
import { birthDateCell, educationCell, statedAgeCell } from '../person-details.ts';
import { carriedCounts } from '../carried-counts.ts';
import { listPopulation, OUTGOING_TERM, villageParts } from '../population.ts';
import { rowPostsReader } from '../row-posts.ts';
import { bodyOfHeading } from '../bodies.ts';

const NO_POST: PostParse = Object.freeze({ seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [] }) as PostParse;

/** Digits make no name, except a number told namesakes apart with ("李伟2"); nor does a long text or a total. */
function notAName(name: string): boolean {
  return name.length > 12 || (/\d/u.test(name) && !/^[\u4e00-\u9fff〇·]{2,}\d{1,2}$/u.test(name)) || TOTAL.test(name);
}

export const roster: Family = {
  id: 'roster',
  label: '人员名单（一行一人）',
  layout: 'roster',
  // A count table may also name people (a column of names in one cell): its counts decide.
  // Three counts make a count table even with a column of names in it (the chair's 姓名 | 任何职务).
  score(m) {
    const t = mappingTraits(m);
    return t.name && t.counts < 3 && (t.personal || (t.village && t.counts < 2)) ? roleWeight(m) : null;
  },
  read(table) {
    const w = walk(table);
    const { report, place } = w;
    const lastTitle = place.titles[place.titles.length - 1] ?? '';
    // A list of the supervision committee, reserve cadres or group leaders is no part of a village.
    if (namesNonMemberList(`${w.view.name} ${lastTitle}`)) {
      report.layout = 'none';
      report.note = '村务监督委员会、后备干部或村民小组长名单，不属于两委班子或村民代表，未计入';
      return w.done([]);
    }
    // A list of the outgoing term (上届, 换届前) is history, not the committees or representatives of today.
    if (OUTGOING_TERM.test(`${w.view.name} ${lastTitle}`)) {
      report.layout = 'none';
      report.note = '上届（换届前）名单，是历史资料，不计入本届';
      return w.done([]);
    }
    return readPersons(w);
  },
};

function readPersons(w: Walker): TableRead {
  const { table, view, ctx, mapping, report, findings, place } = w;
  const hasPost = w.has('post') || w.has('seatMark');
  const hasRep = w.has('representative');
  const nameHeader = mapping.headers.get(w.col('name')!) ?? '';
  const lastTitle = place.titles[place.titles.length - 1] ?? '';
  // What the sheet's name and title say it lists: "村民代表名单" is a list of representatives, whatever
  // other columns it has; a title that names both (两委 … 及村民代表) leaves it to the columns.
  // The sheet's name speaks first, then the title line nearest the header, then all titles together.
  const purpose = listSays(view.name) ?? listSays(lastTitle) ?? listSays(place.titleText);
  // A list of one committee (a sheet or title "村委会", "村党组织委员会"): a bare 委员 on it sits on that one.
  const fileStem = ctx.file.replace(/\.[^.]+$/u, '');
  const listCommittee = committeeNamed(view.name) ?? committeeNamed(lastTitle) ?? committeeNamed(place.titleText) ?? committeeNamed(fileStem);
  const placeSeats = (p: PostParse): PostParse =>
    listCommittee && p.seats.some((x) => x.committee === 'either') ? { ...p, seats: p.seats.map((x) => (x.committee === 'either' ? { ...x, committee: listCommittee } : x)) } : p;
  // A list a body's name heads (a sheet "村妇联"): its posts are that body's (主席 the chair).
  const listBody = [view.name, lastTitle].map(bodyOfHeading).find((b) => b === 'federation') ?? null;
  const postsOf = rowPostsReader(w, listBody, placeSeats);
  const repsOnly = purpose === 'reps' || (!hasPost && !hasRep && /代表/u.test(`${nameHeader} ${view.name} ${place.titleText}`));
  let postSaysRep = false;
  // Rows under a heading that names the representatives ("凤凰村村民代表"): a list of them, whatever the title above says.
  let headedReps = false;
  let repBlank = 0;
  let repUnclear = 0;
  let villageMissingRows = 0;
  const remarkColumns = columnsOf(mapping, 'remark');
  const repCol = w.col('representative');
  const repMark = hasRep && repCol !== undefined ? soleMark(view, repCol, table.dataStart, table.end) : null;
  const genderCol = w.col('gender');
  const genderCodes = genderCol !== undefined && isGenderCoded(view, genderCol, table.dataStart, table.end);
  if (genderCodes) {
    findings.push({
      severity: 'info',
      code: 'gender-coded',
      file: ctx.file,
      sheet: view.name,
      row: null,
      message: `“${mapping.headers.get(genderCol!) ?? '性别'}”列填的是数字代码，按国家标准（GB/T 2261.1）读作 1＝男、2＝女`,
    });
  }
  const genderOf = (text: string) => genderCell(text, genderCodes);
  const idCol = w.col('idNumber');
  const birthCol = w.col('birthDate');
  const details = w.has('education') || w.has('age') || birthCol !== undefined;
  const carried = carriedCounts(w, findings);
  for (let r = table.dataStart; r < table.end; r++) {
    const texts = w.rowDistinct(r);
    // Under a list of representatives a row holding only a name is a person (gender unknown), not a label.
    const nameOnly = texts.length === 1 && texts[0] === w.cell(r, 'name') && w.sectionBody()?.body === 'representatives' && !notAName(normalizeName(texts[0])) && roleOfHeader(texts[0]) === null;
    if (!nameOnly && w.consumeNonData(r, texts)) continue;
    const typedName = w.cell(r, 'name');
    const name = normalizeName(typedName);
    if (!name) {
      w.skip(r, w.inFooter() ? '表尾说明' : '姓名为空');
      continue;
    }
    if (notAName(name)) {
      w.skip(r, `“${shown(typedName)}”不像姓名`);
      continue;
    }
    const { township, village } = w.placeOf(r);
    if (!village || !township) {
      villageMissingRows++;
      w.skip(r, village ? '无法确定所属乡镇' : '无法确定所属村');
      continue;
    }
    const posts = postsOf(r);
    if (posts.outgoing) {
      w.skip(r, `“${shown(posts.outgoing)}”之下的上届（换届前）人员，不计入`);
      continue;
    }
    const post = hasPost ? posts.post : '';
    // Election results: a candidate not elected holds no seat and is no representative; a blank result leaves it open.
    const elected = w.has('elected') ? w.memo('elected', w.cell(r, 'elected'), electedCell) : true;
    // One parse per distinct post phrase: rows with the same phrase share its (never mutated) arrays.
    const parsed = !post ? NO_POST : elected === true ? posts.parsed : { ...posts.parsed, seats: [], isRepresentative: false, unrecognised: [] };
    let representative: boolean | null = null;
    if (hasRep) {
      const mark = w.cell(r, 'representative');
      representative = mark === repMark ? true : w.memo('rep', mark, representativeCell);
      if (representative === null) {
        if (mark) repUnclear++;
        else repBlank++;
      }
    }
    const isChair = parsed.isChair || (w.has('chairFlag') && w.memo('yesno', w.cell(r, 'chairFlag'), parseYesNo) === true);
    if (parsed.isRepresentative || posts.underRepresentatives) {
      representative = true;
      if (w.sectionBody()?.body === 'representatives') headedReps = true;
      postSaysRep = true;
    }
    if (repsOnly && !(hasRep && representative === false)) representative = true;
    if (elected !== true && representative === true) representative = elected === false ? false : null;
    const idText = idCol === undefined ? '' : view.text(r, idCol);
    const source = w.source(r);
    const row: PersonRow = {
      source,
      name,
      displayName: name,
      declaredGender: w.memo('gender', w.cell(r, 'gender'), genderOf),
      idNumber: idText ? idText : null,
      idFromNumber: idCol !== undefined && idText !== '' && view.isNumber(r, idCol),
      postText: post,
      seats: parsed.seats,
      isChair,
      otherPosts: parsed.otherPosts,
      // On a committees list: a phrase not understood, or no post at all on a sheet that lists the 两委.
      // (A blank post on a roster that also lists representatives just means "not a member".)
      seatUnknown:
        posts.unknownBody !== null ||
        (elected === null && posts.parsed.seats.length > 0) || (hasPost && !repsOnly && parsed.seats.length === 0 && (post ? parsed.unrecognised.length > 0 : purpose === 'committees' && !hasRep)),
      representative,
    };
    // 学历, 出生年月 and 年龄 as written, never guessed.
    if (details) {
      if (w.has('education')) row.education = w.memo('education', w.cell(r, 'education'), educationCell);
      if (birthCol !== undefined) row.birthDate = birthDateCell(view.text(r, birthCol), view.isNumber(r, birthCol));
      if (w.has('age')) row.statedAge = w.memo('age', w.cell(r, 'age'), statedAgeCell);
    }
    const where = { file: ctx.file, sheet: view.name, row: source.row, township, village };
    // A note that the person has left ("已调离", "辞职"): still counted as listed, but the user should know.
    for (const c of remarkColumns) {
      const note = w.rowText(r, c);
      if (note && DEPARTED.test(note)) {
        findings.push({ severity: 'warning', code: 'row-note', ...where, message: `${name}的备注写有“${shown(note)}”，仍按名单计入，请核实` });
        break;
      }
    }
    if (posts.unknownBody) {
      findings.push({
        severity: 'warning',
        code: 'seat-unrecognised',
        ...where,
        message: `${name}列在“${shown(posts.unknownBody)}”之下，无法确定该组织是否属于两委，其职务“${post}”是否为两委职务不明`,
      });
    }
    if (parsed.unrecognised.length) {
      findings.push({
        severity: 'warning',
        code: 'seat-unrecognised',
        ...where,
        message: `${name}的职务“${post}”中“${parsed.unrecognised.join('、')}”无法识别，未计入两委`,
      });
    }
    report.dataRows++;
    const g = w.groupOf(township, village, r);
    g.rows.push(row);
    carried?.take(r, g);
  }

  const covers: PartKind[] = [];
  if (hasPost && !repsOnly) covers.push('committees');
  // A 两委 list whose posts mention 村民代表 in passing is no list of the village's representatives.
  if (hasRep || repsOnly || headedReps || (postSaysRep && purpose !== 'committees')) covers.push('representatives');
  report.parts = covers;
  if (covers.length === 0) {
    report.note = '有姓名列，但没有职务列或“是否村民代表”列，无法判断是两委名单还是代表名单';
    report.layout = 'none';
    return w.done([]);
  }
  const sheetWide = { file: ctx.file, sheet: view.name, row: null };
  if (hasRep && repBlank > 0) {
    findings.push({ severity: 'info', code: 'row-skipped', ...sheetWide, message: `有 ${repBlank} 行“是否村民代表”为空，按“否”计` });
  }
  if (hasRep && repUnclear > 0) {
    findings.push({ severity: 'warning', code: 'row-skipped', ...sheetWide, message: `有 ${repUnclear} 行“是否村民代表”的填写无法识别（应为“是”或“否”），按“否”计` });
  }
  if (villageMissingRows > 0) {
    findings.push({
      severity: 'error',
      code: 'row-skipped',
      ...sheetWide,
      message: `有 ${villageMissingRows} 行人员无法确定所属村或乡镇，未计入（表中没有村名列、分段标题，工作表名和文件名也不含村名或乡镇名）`,
    });
  }
  // Who the list covers: a list of only the women, or of the newly elected, becomes counts (population.ts).
  const population = listPopulation([view.name, lastTitle, place.titleText, fileStem], [...w.groups.values()].flatMap((g) => g.rows));
  const inputs: VillageInput[] = [];
  let partial: string | null = null;
  for (const g of w.groups.values()) {
    const read = villageParts(g, covers, population, w.source(g.first), carried?.of(g) ?? null);
    g.input.parts = read.parts;
    findings.push(...read.findings);
    partial ??= read.partial;
    inputs.push(g.input);
  }
  report.villages = w.villagesReport((g) => g.rows.length);
  report.note =
    partial ??
    (covers.length === 2
      ? '人员名单：一行一人，含两委职务和村民代表'
      : covers[0] === 'committees'
        ? '两委班子名单：一行一人（不含村民代表）'
        : '村民代表名单：一行一人');
  return w.done(inputs);
}
