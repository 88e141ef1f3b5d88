// The monitoring area of the contract: the county's figures, villages, findings, changes, the master
// list and the status. Pure (no node:*).

import { z } from 'zod';
import type { CommitteeCounts, Gender, Outcome, PartKind, PartVerdict, RepresentativeCounts, SourceRef, VillageStatus } from '../model.ts';
import type { VillageJson } from '../summary.ts';
import { emptySchema, idSchema, pathSchema, type ChangeKind, type ContractArea, type FindingJson, type FindingRow, type ImportInfo } from './common.ts';
import type { Figures, TownshipFigures } from '../report/figures.ts';

export type { Figures, PartTally, TownshipFigures } from '../report/figures.ts';


export const monitoringArea = {
  schemas: {
    countySummary: emptySchema,
    townships: emptySchema,
    villages: z.strictObject({
      township: z.string().min(1).max(100).optional(),
      townships: z.array(z.string().min(1).max(100)).max(500).optional(),
      townshipId: idSchema.optional(),
      townshipIds: z.array(idSchema).max(500).optional(),
      status: z.enum(['compliant', 'noncompliant', 'incomplete', 'notReported', 'offList']).optional(),
      part: z.string().min(1).max(64).optional(),
      outcome: z.enum(['pass', 'fail', 'unknown']).optional(),
      expected: z.boolean().optional(),
      search: z.string().max(100).optional(),
      provisional: z.boolean().optional(),
      sort: z.enum(['township', 'village', 'status', 'reportedAt', 'part', 'reason']).optional(),
      sortPart: z.string().min(1).max(64).optional(),
      desc: z.boolean().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
    }),
    village: z.strictObject({ id: idSchema, revealIds: z.boolean().optional() }),
    findings: z.strictObject({
      scope: z.enum(['current', 'all']).optional(),
      importId: idSchema.optional(),
      villageId: idSchema.optional(),
      township: z.string().min(1).max(100).optional(),
      severity: z.enum(['error', 'warning', 'info']).optional(),
      code: z.string().min(1).max(64).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
    changes: z.strictObject({ importId: idSchema.optional(), countsOnly: z.boolean().optional() }),
    setExpectedVillages: z.strictObject({ path: pathSchema }),
    status: emptySchema,
  },
  labels: {
    countySummary: '全县汇总',
    townships: '乡镇列表',
    villages: '村列表',
    village: '村详情',
    findings: '数据质量问题',
    changes: '本次变化',
    setExpectedVillages: '设置应报村名单',
    status: '当前状态',
  },
  hints: {
    township: '应为乡镇名称（非空文字）',
    townships: '应为乡镇名称的列表',
    townshipId: '应为乡镇编号（正整数）',
    townshipIds: '应为乡镇编号（正整数）的列表',
    status: '应为 "compliant"（达标）、"noncompliant"（不达标）、"incomplete"（数据不全）、"notReported"（未报送）或 "offList"（不在应报名单）',
    sort: '应为 "township"、"village"、"status"、"reportedAt"、"part"（按 sortPart 所指规则项）或 "reason"（按原因）',
    provisional: '应为 true（只看待核对的村）或 false',
    sortPart: '应为规则项的标识，如 "womanInCommittees"',
    desc: '应为 true（降序）或 false（升序）',
    part: '应为规则项的标识，如 "womanInCommittees"',
    outcome: '应为 "pass"、"fail" 或 "unknown"',
    expected: '应为 true 或 false',
    search: '应为不超过100字的文字',
    offset: '应为不小于0的整数',
    limit: '应为正整数（有上限）',
    id: '应为村的编号（正整数）',
    revealIds: '应为 true 或 false',
    scope: '应为 "current"（当前数据）或 "all"（全部导入）',
    importId: '应为导入记录的编号（正整数）',
    countsOnly: '应为 true（只要各类变化的村数）或 false',
    villageId: '应为村的编号（正整数）',
    severity: '应为 "error"、"warning" 或 "info"',
    code: '应为问题类别的标识',
    path: '应为文件路径（非空文字）',
  },
} satisfies ContractArea<Record<string, z.ZodType>>;

export type VillageFilter = z.output<(typeof monitoringArea.schemas)['villages']>;
export type FindingFilter = z.output<(typeof monitoringArea.schemas)['findings']>;

export interface MonitoringReplies {
  countySummary: CountySummary;
  townships: TownshipFigures[];
  villages: VillageList;
  village: VillageDetail;
  findings: FindingList;
  changes: Changes;
  setExpectedVillages: ExpectedReply;
  status: Status;
}

export interface CountySummary {
  ruleSet: string | null;
  /** Reported villages whose verdict rests on a provisional reading (待核对). */
  provisional: number;
  lastImport: ImportInfo | null;
  masterList: { file: string; setAt: string; villages: number } | null;
  /** The rule parts in the order the rule set gives them. */
  parts: Array<{ id: string; label: string }>;
  county: Figures;
  townships: TownshipFigures[];
}

export interface PartRef {
  form: 'roster' | 'counts';
  file: string;
  importId: number;
  importedAt: string;
}

export interface VillageRow {
  id: number;
  townshipId: number;
  township: string;
  village: string;
  expected: boolean;
  reported: boolean;
  status: VillageStatus | null;
  rules: Record<string, Outcome>;
  reasons: Record<string, string>;
  counts: VillageJson['counts'] | null;
  ruleSet: string | null;
  reportedAt: string | null;
  parts: Record<PartKind, PartRef | null>;
  /** Why the reading this verdict rests on is provisional (待核对); absent when it is not. */
  provisional?: string[];
}

export interface VillageList {
  total: number;
  villages: VillageRow[];
}

export interface PersonView {
  name: string;
  gender: Gender;
  genderFrom: 'id' | 'declared' | 'none';
  idNumber: string | null; // masked (first 6, last 4) unless revealIds
  idValid: boolean;
  seats: string[]; // in words: 村党组织书记, 村民委员会主任 …
  isChair: boolean;
  isRepresentative: boolean;
  otherPosts: string[];
  sources: SourceRef[];
}

export interface PartView {
  kind: PartKind;
  form: 'roster' | 'counts';
  counts: CommitteeCounts | RepresentativeCounts | null;
  rows: number | null;
  source: SourceRef;
  importId: number;
  importedAt: string;
}

export interface HistoryEntry {
  importId: number;
  importedAt: string;
  current: boolean;
  submissions: Array<{ file: string; kinds: PartKind[]; rows: number }>;
  verdict: { status: VillageStatus; ruleSet: string; rules: Record<string, Outcome>; reasons: Record<string, string> } | null;
}

export interface VillageDetail extends VillageRow {
  verdictParts: PartVerdict[];
  persons: PersonView[];
  currentParts: PartView[];
  history: HistoryEntry[];
  findings: FindingRow[];
}

export interface FindingList {
  total: number;
  findings: FindingRow[];
}

export interface VillageChange {
  villageId: number;
  township: string;
  village: string;
  change: ChangeKind;
  before: { status: VillageStatus; rules: Record<string, Outcome> } | null;
  after: { status: VillageStatus; rules: Record<string, Outcome>; reasons: Record<string, string> };
  /** Rule parts whose outcome moved (all parts for a new village), with the reason now. */
  parts: Array<{ id: string; label: string; before: Outcome | null; after: Outcome; reason: string }>;
  /** In words, for a list: the reasons behind the change. */
  why: string[];
}

export interface Changes {
  import: ImportInfo | null;
  previous: ImportInfo | null;
  villages: VillageChange[];
  counts: Record<ChangeKind, number>;
  /** Villages on the master list reported for the first time by this import. */
  newlyReportedExpected: number;
  message: string;
}

export interface ExpectedReply {
  file: string;
  villages: number;
  townships: number;
  /** 'list': a list of villages; 'roster': no list found, the villages of a roster were taken. */
  from: 'list' | 'roster';
  notReported: number;
  message: string;
  findings: FindingJson[];
}

export interface StatusVillage extends VillageJson {
  reportedAt: string;
}

/** A village by name, in the lists of status. */
export interface PlaceName {
  township: string;
  village: string;
}

/**
 * `check --json` villages, plus when each was reported, the county's figures (shared/report/figures.ts)
 * and the villages not reported and not on the list. Without a master list, notReported and offList
 * are null (not empty: nobody knows which villages are missing).
 */
export interface Status {
  ruleSet: string | null;
  villages: StatusVillage[];
  totals: { county: Figures; townships: TownshipFigures[] };
  /** On the master list and not reported (未报送); null while no list is set. */
  notReported: PlaceName[] | null;
  /** Reported and not on the master list (不在应报名单); null while no list is set. */
  offList: PlaceName[] | null;
  expectedListSet: boolean;
  /** The current findings of the stored submissions, then those of matching the master list. */
  findings: FindingJson[];
}

