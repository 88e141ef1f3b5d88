// The domain's vocabulary. Pure types: no Node, Electron or DOM.

/** Three-valued outcome of one rule part: 达标 / 不达标 / 数据不全. */
export type Outcome = 'pass' | 'fail' | 'unknown';

/** A village's overall status: any part fails → noncompliant; all pass → compliant; else incomplete. */
export type VillageStatus = 'compliant' | 'noncompliant' | 'incomplete';

export type Gender = 'female' | 'male' | 'unknown';

/** The two committees (两委): the village Party organisation committee and the villagers' (residents') committee. */
export type Committee = 'party' | 'villagers';

export type SeatRole = 'secretary' | 'deputySecretary' | 'director' | 'deputyDirector' | 'member';

/**
 * A seat on one of the two committees. `committee: 'either'` is a seat whose phrase does not say which
 * committee ("委员" alone): it certainly counts for "the two committees together", but not for a rule that
 * needs one particular committee.
 */
export interface Seat {
  committee: Committee | 'either';
  role: SeatRole;
}

/** Where a value came from: file name, sheet name and 1-based row as Excel shows it. */
export interface SourceRef {
  file: string;
  sheet: string;
  row: number | null;
}

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'unreadable-file' // the file could not be opened at all
  | 'encrypted-file'
  | 'no-roster' // a readable file or sheet without anything the reader recognises
  | 'limit-reached' // reading stopped because a bound on work was reached
  | 'sheet-skipped'
  | 'row-skipped'
  | 'id-invalid'
  | 'id-number-truncated' // ID typed as a number: Excel kept 15 significant digits
  | 'id-gender-mismatch'
  | 'gender-unknown'
  | 'gender-coded' // a 性别 column of 1 and 2, read as the national code
  | 'row-note' // a note on a row the user should check (e.g. the person has left)
  | 'parts-combined' // a committees roster of one committee (or the chair) joined to an older one
  | 'table-disagrees' // a count table's figures differ from the roster of the same village
  | 'place-joined' // a place named without its last word (青山, 上塘) joined to the one name it is the stem of
  | 'seat-unrecognised'
  | 'id-in-two-villages'
  | 'own-verdict-disagrees'
  | 'chair-not-woman'
  | 'two-chairs' // more than one person of a village marked 妇联主席
  | 'duplicate-part' // two inputs give the same part of a village
  | 'township-unknown'
  | 'count-inconsistent'
  | 'layout-remembered' // a table read by a layout a person confirmed on an earlier file
  | 'reading-provisional'; // a table read on a guess (待核对): why

export interface Finding {
  severity: Severity;
  code: FindingCode;
  file: string;
  sheet: string | null;
  row: number | null;
  message: string; // Simplified Chinese, for people
  township?: string;
  village?: string;
}

/** What one roster row says about one person, before persons are merged. */
export interface PersonRow {
  source: SourceRef;
  name: string; // normalised (see text.ts)
  displayName: string; // as typed, trimmed
  declaredGender: Gender;
  idNumber: string | null; // normalised text of the ID cell, null when blank
  idFromNumber: boolean; // the ID cell held a number, not text
  postText: string; // the 职务 cell as typed
  seats: Seat[];
  isChair: boolean;
  otherPosts: string[]; // posts that are no seat on the two committees (监委会, 村民小组长, 第一书记 …)
  /**
   * The row is on a committees list but its post does not tell whether it is a seat: a phrase not
   * understood, or a blank 职务 on a sheet that lists the 两委. Such a person may hold a seat.
   */
  seatUnknown: boolean;
  /** true / false when the row states it (是否村民代表, a reps-only sheet, "村民代表" as a post); null when silent. */
  representative: boolean | null;
  /** 学历 / 文化程度 as written (trimmed); absent or null when the table gives none. Never guessed. */
  education?: string | null;
  /** From a 出生年月 / 出生日期 column: 'YYYY-MM' or 'YYYY-MM-DD'; absent or null when the table gives none. */
  birthDate?: string | null;
  /** From a 年龄 column (whole years, as stated); absent or null when the table gives none. */
  statedAge?: number | null;
}

/** One person of a village after merging rows (same valid ID, else same normalised name). */
export interface Person {
  key: string;
  name: string;
  displayName: string;
  gender: Gender;
  genderFrom: 'id' | 'declared' | 'none';
  idNumber: string | null;
  idValid: boolean;
  seats: Seat[];
  /** Some committees row of the person gives a post that may or may not be a seat (see PersonRow). */
  seatUnknown: boolean;
  isChair: boolean;
  isRepresentative: boolean;
  otherPosts: string[];
  sources: SourceRef[];
  /** The first education, birth date and stated age any of the person's rows gives (see PersonRow). */
  education?: string | null;
  birthDate?: string | null;
  statedAge?: number | null;
}

/** The parts of a village that are elected at different times and may come in different submissions. */
export type PartKind = 'committees' | 'representatives';

/** Counts as a township's one-row-a-village table gives them; null where the cell is blank. */
export interface CommitteeCounts {
  members: number | null;
  women: number | null;
  chairSeated: boolean | null; // 妇联主席是否进两委
}

export interface RepresentativeCounts {
  total: number | null;
  women: number | null;
}

/**
 * One part of one village as one input gives it. `dedicated`: the sheet gives this part alone (a 村民代表
 * sheet), so within one file it is preferred to the same part given in passing by a sheet of both.
 */
export type VillagePart = (
  | { kind: 'committees'; form: 'roster'; rows: PersonRow[]; source: SourceRef }
  | { kind: 'committees'; form: 'counts'; counts: CommitteeCounts; source: SourceRef }
  | { kind: 'representatives'; form: 'roster'; rows: PersonRow[]; source: SourceRef }
  | { kind: 'representatives'; form: 'counts'; counts: RepresentativeCounts; source: SourceRef }
) & {
  dedicated?: boolean;
  /** Why the reading this part comes from is provisional (待核对): absent when it rests on a familiar or confirmed layout. */
  provisional?: string[];
};

/** Everything one input says about one village. */
export interface VillageInput {
  township: string;
  village: string;
  parts: VillagePart[];
  /** The township's own 是否达标, when its table has one. */
  ownVerdict: { compliant: boolean; source: SourceRef } | null;
}

/** A village with its current parts combined, ready to be judged. */
export interface VillageFacts {
  township: string;
  village: string;
  committees: { form: 'roster'; source: SourceRef } | { form: 'counts'; counts: CommitteeCounts; source: SourceRef } | null;
  representatives:
    | { form: 'roster'; source: SourceRef }
    | { form: 'counts'; counts: RepresentativeCounts; source: SourceRef }
    | null;
  /** Distinct persons of the village from the roster parts (committee members, chair, representatives). */
  persons: Person[];
  ownVerdict: { compliant: boolean; source: SourceRef } | null;
  /** Why the reading of a part judged is provisional (待核对): absent when every part rests on a familiar or confirmed layout. */
  provisional?: string[];
  /** A count table's figures for a part the village's roster gives too: the roster is judged, these compared. */
  tables?: { committees?: { counts: CommitteeCounts; source: SourceRef }; representatives?: { counts: RepresentativeCounts; source: SourceRef } };
}

export interface Counts {
  committeeMembers: number | null;
  committeeWomen: number | null;
  representatives: number | null;
  womenRepresentatives: number | null;
}

export interface PartVerdict {
  id: string; // the rule part's id, e.g. womanInCommittees
  label: string; // Chinese label of the part
  outcome: Outcome;
  reason: string; // Chinese, always present: why it passed, failed, or is unknown
}

export interface Verdict {
  township: string;
  village: string;
  ruleSet: string; // name of the rule set the verdict was made under
  status: VillageStatus;
  parts: PartVerdict[];
  counts: Counts;
  /** The verdict stands, but rests on a reading nobody confirmed: why (待核对). */
  provisional?: string[];
}
