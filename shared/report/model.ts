// The report as data: everything the county sends upward, computed once. The Excel workbook, the
// per-township workbooks, the Word report, the PDF page, the CSV and the window's preview all render
// this one model, so they cannot disagree. Pure types (no node:*).

import type { Counts, Outcome, VillageStatus } from '../model.ts';
import type { FindingJson } from '../api/common.ts';
import type { Figures, TownshipFigures } from './figures.ts';

/** Women on the two committees, as far as the files tell (the work plan's wider aim). Unknown stays unknown. */
export interface WomenStats {
  /** Women holding a seat: named on rosters, plus the women a count table gives. */
  women: number;
  /** Of them, named on a roster (so that age and education can be known at all). */
  named: number;
  ageKnown: number;
  /** Average age of those whose age is known, one decimal; null when none is. */
  averageAge: number | null;
  /** 35岁及以下 / 36–45岁 / 46–55岁 / 56岁以上, of those whose age is known. */
  bands: [number, number, number, number];
  educationKnown: number;
  /** 大专及以上 among those whose education is known. */
  college: number;
  /** college / educationKnown; null when no education is known. */
  collegeShare: number | null;
}

export interface TownshipLine extends TownshipFigures {
  women: WomenStats;
}

/** A village that falls short: which parts fail, why, and what is missing. */
export interface ShortfallLine {
  township: string;
  village: string;
  failed: Array<{ id: string; label: string; reason: string; missing: string }>;
  reportedAt: string | null;
  files: string[];
}

/** A village whose data are incomplete: the parts that cannot be judged and what is lacking. */
export interface IncompleteLine {
  township: string;
  village: string;
  lacking: Array<{ id: string; label: string; reason: string }>;
  reportedAt: string | null;
  files: string[];
}

export interface VillageLine {
  township: string;
  village: string;
  expected: boolean;
  status: VillageStatus;
  counts: Counts;
  rules: Record<string, Outcome>;
  reasons: Record<string, string>;
  reportedAt: string | null;
  files: string[];
}

/** A woman on the committees, for the training list. */
export interface WomanMember {
  township: string;
  village: string;
  name: string;
  seats: string[];
  /** Masked (first 6, last 4) unless the report was made with full numbers. */
  idNumber: string | null;
  age: number | null;
  /** Where the age came from. */
  ageFrom: 'id' | 'birthDate' | 'statedAge' | null;
  education: string | null;
  isChair: boolean;
}

export interface ReportImport {
  id: number;
  importedAt: string;
  files: string[];
}

export interface ReportModel {
  /** "××县": the county's name, from settings (or the default). */
  county: string;
  /** "××县妇联": who reports. */
  organisation: string;
  /** Whom the report covers: the county ("××县"), or one township in a township's workbook. */
  scope: string;
  /** "××县村级组织换届“两进一有”情况汇总表" */
  title: string;
  /** The report date, YYYY-MM-DD, and as written in Chinese documents: "2026年12月4日". */
  date: string;
  dateText: string;
  ruleSet: { name: string; parts: Array<{ id: string; label: string }> };
  /** The import the state is taken after; asOf is set when the report was asked for an earlier one. */
  basedOn: ReportImport | null;
  asOf: boolean;
  /** Every import the state stands on, newest first. */
  imports: ReportImport[];
  masterList: { file: string; setAt: string; villages: number } | null;
  /** The county's figures (named 全县). */
  total: Figures & { women: WomenStats };
  townships: TownshipLine[];
  noncompliant: ShortfallLine[];
  incomplete: IncompleteLine[];
  notReported: Array<{ township: string; village: string }>;
  villages: VillageLine[];
  findings: FindingJson[];
  women: WomanMember[];
  /** Villages reported by count table only: their women are counted but not named. */
  womenUnnamed: Array<{ township: string; village: string; women: number }>;
  fullIds: boolean;
}

export const AGE_BANDS = ['35岁及以下', '36–45岁', '46–55岁', '56岁以上'] as const;
