// Roster rows → the distinct persons of one village. One person may stand on several rows (a party
// row and a villagers' committee row, or a committee row and a representatives row): the same valid
// ID number is one person; where a row has no usable ID, the same normalised name in the village is.

import type { Finding, Gender, Person, PersonRow, Seat } from './model.ts';
import { checkIdNumber, idProblemMessage, type IdCheck } from './idcard.ts';

const GENDER_WORD: Record<Gender, string> = { female: '女', male: '男', unknown: '不明' };

interface Draft {
  person: Person;
  /** Genders the rows declare, as bits: 1 female, 2 male. */
  declared: number;
  id: IdCheck | null;
}

// Most persons are representatives with no seat and no other post: they share these (frozen) empty
// arrays, and get arrays of their own only when something is added.
const NO_SEATS = Object.freeze([]) as unknown as Seat[];
const NO_POSTS = Object.freeze([]) as unknown as string[];

const GENDER_BIT: Record<Gender, number> = { unknown: 0, female: 1, male: 2 };
const FROM_NUMBER = Object.freeze({ fromNumber: true });
const NOT_FROM_NUMBER = Object.freeze({ fromNumber: false });

export interface PersonsResult {
  persons: Person[];
  findings: Finding[];
}

function seatKey(s: Seat): string {
  return `${s.committee}:${s.role}`;
}

/** The persons of one village as rows are absorbed: a class, not closures, since this runs per village per check. */
class VillagePersons {
  readonly byId = new Map<string, Draft>();
  readonly byName = new Map<string, Draft[]>();
  readonly drafts: Draft[] = [];

  /** Null: every row gives both seats and representation (one list passed twice). */
  constructor(
    private readonly seatRows: ReadonlySet<PersonRow> | null,
    private readonly repRows: ReadonlySet<PersonRow> | null,
  ) {}

  newDraft(row: PersonRow, id: IdCheck | null): Draft {
    const valid = id !== null && id.valid;
    const d: Draft = {
      person: {
        key: valid ? `id:${id.normalized}` : `name:${row.name}`,
        name: row.name,
        displayName: row.displayName,
        gender: 'unknown',
        genderFrom: 'none',
        idNumber: valid ? id.normalized : (row.idNumber ?? null),
        idValid: valid,
        seats: NO_SEATS,
        seatUnknown: false,
        isChair: false,
        isRepresentative: false,
        otherPosts: NO_POSTS,
        sources: [],
      },
      declared: 0,
      id: valid ? id : null,
    };
    this.drafts.push(d);
    const list = this.byName.get(row.name);
    if (list) list.push(d);
    else this.byName.set(row.name, [d]);
    if (valid) this.byId.set(id.normalized, d);
    return d;
  }

  absorb(d: Draft, row: PersonRow): void {
    const p = d.person;
    p.sources.push(row.source);
    d.declared |= GENDER_BIT[row.declaredGender];
    const useSeats = this.seatRows === null || this.seatRows.has(row);
    if (row.seatUnknown && useSeats) p.seatUnknown = true;
    // The chair is a post, not a seat: a 村民代表 list that names her says who she is too.
    if (row.isChair) p.isChair = true;
    if (useSeats && (row.seats.length > 0 || row.otherPosts.length > 0)) {
      for (const s of row.seats) {
        if (p.seats.some((x) => seatKey(x) === seatKey(s))) continue;
        if (p.seats === NO_SEATS) p.seats = [];
        p.seats.push(s);
      }
      for (const o of row.otherPosts) {
        if (p.otherPosts.includes(o)) continue;
        if (p.otherPosts === NO_POSTS) p.otherPosts = [];
        p.otherPosts.push(o);
      }
    }
    if (row.representative === true && (this.repRows === null || this.repRows.has(row))) p.isRepresentative = true;
    // The first education, birth date and stated age any row gives.
    if (row.education && !p.education) p.education = row.education;
    if (row.birthDate && !p.birthDate) p.birthDate = row.birthDate;
    if (row.statedAge != null && p.statedAge == null) p.statedAge = row.statedAge;
  }
}

/**
 * Merges rows into persons. `committeeRows` give seats and the chair; `representativeRows` give who is a
 * representative. The same row object may be in both lists (a roster that holds both parts).
 */
export function mergePersons(
  committeeRows: readonly PersonRow[],
  representativeRows: readonly PersonRow[],
  where: { township: string; village: string },
): PersonsResult {
  const findings: Finding[] = [];
  // A roster that holds both parts passes one list twice: then every row gives both, with no sets to build.
  const same = committeeRows === representativeRows;
  const seatRows = same ? null : new Set(committeeRows);
  let rows: readonly PersonRow[] = committeeRows;
  if (!same) {
    const all = [...committeeRows];
    for (const r of representativeRows) if (!seatRows!.has(r)) all.push(r);
    rows = all;
  }
  const village = new VillagePersons(seatRows, same ? null : new Set(representativeRows));
  const { byId, byName, drafts } = village;

  const checks: Array<IdCheck | null> = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const check = row.idNumber ? checkIdNumber(row.idNumber, row.idFromNumber ? FROM_NUMBER : NOT_FROM_NUMBER) : null;
    checks[i] = check;
    if (check && !check.valid) {
      findings.push({
        severity: 'warning',
        code: check.problem === 'number-truncated' ? 'id-number-truncated' : 'id-invalid',
        file: row.source.file,
        sheet: row.source.sheet,
        row: row.source.row,
        ...where,
        message: `${row.displayName}：${idProblemMessage(check)}，未采用`,
      });
    }
  }

  // Rows with a valid ID first, so that rows without one can join the person of the same name.
  for (let i = 0; i < rows.length; i++) {
    const id = checks[i];
    if (id?.valid) village.absorb(byId.get(id.normalized) ?? village.newDraft(rows[i], id), rows[i]);
  }
  for (let i = 0; i < rows.length; i++) {
    if (checks[i]?.valid) continue;
    const row = rows[i];
    const namesakes = byName.get(row.name) ?? [];
    if (namesakes.length > 1) {
      findings.push({
        severity: 'warning',
        code: 'row-skipped',
        file: row.source.file,
        sheet: row.source.sheet,
        row: row.source.row,
        ...where,
        message: `${row.displayName}没有可用的身份证号，本村有${namesakes.length}人同名，无法确定是哪一位，按第一位计`,
      });
    }
    village.absorb(namesakes[0] ?? village.newDraft(row, null), row);
  }

  for (const d of drafts) {
    const p = d.person;
    const at = p.sources[0];
    const relevant = p.seats.length > 0 || p.isChair || p.isRepresentative;
    if (d.id && d.id.gender !== 'unknown') {
      p.gender = d.id.gender;
      p.genderFrom = 'id';
      const other: Gender | null = d.declared & ~GENDER_BIT[p.gender] ? (p.gender === 'female' ? 'male' : 'female') : null;
      if (other) {
        findings.push({
          severity: 'warning',
          code: 'id-gender-mismatch',
          file: at.file,
          sheet: at.sheet,
          row: at.row,
          ...where,
          message: `${p.displayName}性别填写为“${GENDER_WORD[other]}”，但身份证号显示为${GENDER_WORD[p.gender]}性，按身份证号计`,
        });
      }
    } else if (d.declared === 1 || d.declared === 2) {
      p.gender = d.declared === 1 ? 'female' : 'male';
      p.genderFrom = 'declared';
    } else if (d.declared === 3) {
      findings.push({ severity: 'warning', code: 'gender-unknown', file: at.file, sheet: at.sheet, row: at.row, ...where, message: `${p.displayName}在不同行中性别填写不一致，按性别不明计` });
    } else if (relevant) {
      findings.push({
        severity: 'warning',
        code: 'gender-unknown',
        file: at.file,
        sheet: at.sheet,
        row: at.row,
        ...where,
        message: `${p.displayName}性别不明（未填写性别，身份证号也无法判断）`,
      });
    }
    if (p.isChair && p.gender === 'male') {
      findings.push({ severity: 'warning', code: 'chair-not-woman', file: at.file, sheet: at.sheet, row: at.row, ...where, message: `妇联主席${p.displayName}为男性，请核实` });
    }
  }
  const chairs = drafts.filter((d) => d.person.isChair);
  if (chairs.length > 1) {
    const at = chairs[1].person.sources[0];
    findings.push({
      severity: 'warning',
      code: 'two-chairs',
      file: at.file,
      sheet: at.sheet,
      row: at.row,
      ...where,
      message: `本村有${chairs.length}人标为妇联主席（${chairs.map((d) => d.person.displayName).join('、')}），请核实；只要其中一人进了两委班子即按已进计`,
    });
  }
  return { persons: drafts.map((d) => d.person), findings };
}
