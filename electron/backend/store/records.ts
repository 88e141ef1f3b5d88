// What the store's queries return and what an import hands it to write.

import type { Finding, PartKind, Verdict, VillageInput } from '../../../shared/model.ts';
import type { FileReport } from '../../../shared/reading/read.ts';

// ---------------------------------------------------------------- records as the queries return them

export interface ImportRecord {
  id: number;
  imported_at: string;
  rule_set: string;
  persons: number;
  villages: number;
}

export interface FileRecord {
  id: number;
  import_id: number;
  name: string;
  path: string;
  hash: string;
  size: number;
  ok: number;
  message: string;
}

export interface PlaceRecord {
  village_id: number;
  village: string;
  township_id: number;
  township: string;
}

export interface VerdictRecord {
  id: number;
  import_id: number;
  village_id: number;
  township_text: string;
  village_text: string;
  rule_set: string;
  status: Verdict['status'];
  committee_members: number | null;
  committee_women: number | null;
  representatives: number | null;
  women_representatives: number | null;
  /** JSON array of why the reading is provisional (待核对); null when it is not (and in stores before migration 6). */
  provisional: string | null;
}

export interface VerdictPartRecord {
  verdict_id: number;
  ord: number;
  part: string;
  label: string;
  outcome: 'pass' | 'fail' | 'unknown';
  reason: string;
}

export interface PartRecord {
  id: number;
  submission_id: number;
  import_id: number;
  village_id: number;
  kind: PartKind;
  form: 'roster' | 'counts';
  roster_id: number | null;
  members: number | null;
  women: number | null;
  chair_seated: number | null;
  total: number | null;
  src_sheet: string;
  src_row: number | null;
  /** JSON array of the reasons its reading is provisional (待核对), or null. */
  provisional: string | null;
  file_name: string;
  file_id: number;
  imported_at: string;
  rows: number | null;
}

export interface FindingRecord {
  id: number;
  import_id: number;
  file_id: number | null;
  verdict_id: number | null;
  village_id: number | null;
  severity: Finding['severity'];
  code: Finding['code'];
  file: string;
  sheet: string | null;
  row: number | null;
  township: string | null;
  village: string | null;
  message: string;
}

export interface ExpectedRecord {
  village_id: number;
  township_id: number;
  township: string;
  village: string;
  sheet: string | null;
  row: number | null;
  file_name: string;
}

export interface SubmissionRecord {
  id: number;
  import_id: number;
  imported_at: string;
  file_name: string;
  kinds: string; // comma-separated part kinds
  rows: number;
}

// ---------------------------------------------------------------- what an import writes

export interface FileToStore {
  name: string;
  path: string;
  hash: string;
  size: number;
  ok: boolean;
  message: string;
  report: FileReport;
  inputs: VillageInput[];
  findings: Finding[];
}

export interface VerdictToStore {
  villageId: number;
  verdict: Verdict;
  findings: Finding[];
}

export interface StoreProgress {
  rows: number;
  rowsTotal: number;
  file: string;
}
