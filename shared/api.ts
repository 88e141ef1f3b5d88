// The contract between the window (or a browser, or the CLI) and the backend: every operation, its
// request, its reply, and a runtime check of the request. Pure: no node:*, so the renderer imports it
// too. Replies are plain JSON data; ID numbers in replies are masked unless a request asks otherwise.

import { z } from 'zod';
import type { CommitteeCounts, FindingCode, Gender, Outcome, PartKind, PartVerdict, RepresentativeCounts, Severity, SourceRef, VillageStatus } from './model.ts';
import type { FileReport } from './reading/read.ts';
import { ROLE_LABELS, type ColumnRole } from './reading/columns.ts';
import type { VillageJson } from './summary.ts';

// ================================================================ shared pieces

export interface FindingJson {
  severity: Severity;
  code: FindingCode;
  file: string;
  sheet: string | null;
  row: number | null;
  message: string;
  township?: string;
  village?: string;
}

/** A stored finding: where it is kept, so a view can link it to its import and village. */
export interface FindingRow extends FindingJson {
  id: number;
  importId: number;
  villageId: number | null;
}

export interface ImportInfo {
  id: number;
  importedAt: string; // ISO 8601
  ruleSet: string;
  persons: number;
  villages: number;
  files: Array<{ name: string; ok: boolean }>;
}

/** How a village's status moved with an import. */
export type ChangeKind = 'new' | 'nowCompliant' | 'noLongerCompliant' | 'statusChanged' | 'unchanged';

export const CHANGE_LABEL: Record<ChangeKind, string> = {
  new: '新报送',
  nowCompliant: '变为达标',
  noLongerCompliant: '不再达标',
  statusChanged: '状态变化',
  unchanged: '状态未变',
};

export interface ImportProgress {
  phase: 'hashing' | 'reading' | 'storing' | 'judging' | 'done';
  filesDone: number;
  filesTotal: number;
  file: string | null;
  /** Sheets read so far (known once a file is read). */
  sheets: number;
  /** Data rows read (reading) or person rows written (storing). */
  rows: number;
  rowsTotal: number | null;
  villages: number;
}

/** Per sheet name: a corrected column mapping (column index → role) and header rows (0-based). */
export type SheetOverrides = Record<string, { mapping: Record<string, ColumnRole>; headerRows: number[] }>;

// ================================================================ requests

const MAX_PATHS = 10_000;
const MAX_PATH_LENGTH = 4096;

// The roles a person may give a column when correcting a preview: every role the reader knows.
const ROLES = Object.keys(ROLE_LABELS) as [ColumnRole, ...ColumnRole[]];

const pathSchema = z.string().min(1).max(MAX_PATH_LENGTH);
const idSchema = z.number().int().positive();

const sheetOverridesSchema = z.record(
  z.string().max(300),
  z.strictObject({
    mapping: z.record(z.string().regex(/^\d{1,5}$/), z.enum(ROLES)),
    headerRows: z.array(z.number().int().min(0).max(1_048_576)).max(20),
  }),
);

const importRequestSchema = z.strictObject({
  paths: z.array(pathSchema).min(1).max(MAX_PATHS),
  /** Corrections from the preview, by file path. */
  overrides: z.record(pathSchema, sheetOverridesSchema).optional(),
});

const emptySchema = z.strictObject({});

export const REQUEST_SCHEMAS = {
  previewImport: importRequestSchema,
  commitImport: z.strictObject({ previewId: z.string().min(1).max(100) }),
  importFiles: importRequestSchema,
  undoLastImport: emptySchema,
  imports: emptySchema,
  countySummary: emptySchema,
  townships: emptySchema,
  villages: z.strictObject({
    township: z.string().min(1).max(100).optional(),
    townshipId: idSchema.optional(),
    status: z.enum(['compliant', 'noncompliant', 'incomplete', 'notReported']).optional(),
    part: z.string().min(1).max(64).optional(),
    outcome: z.enum(['pass', 'fail', 'unknown']).optional(),
    expected: z.boolean().optional(),
    search: z.string().max(100).optional(),
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
  changes: z.strictObject({ importId: idSchema.optional() }),
  setExpectedVillages: z.strictObject({ path: pathSchema }),
  status: emptySchema,
} as const;

export type ApiOp = keyof typeof REQUEST_SCHEMAS;
export const API_OPS = Object.keys(REQUEST_SCHEMAS) as ApiOp[];

export type ImportRequest = z.output<typeof importRequestSchema>;
export type VillageFilter = z.output<(typeof REQUEST_SCHEMAS)['villages']>;
export type FindingFilter = z.output<(typeof REQUEST_SCHEMAS)['findings']>;
export type ApiRequests = { [K in ApiOp]: z.output<(typeof REQUEST_SCHEMAS)[K]> };

// ================================================================ replies

export type FileOutcome = 'imported' | 'duplicate' | 'unreadable' | 'empty';

export interface ImportFileResult {
  path: string;
  name: string;
  hash: string | null; // sha256, hex; null when the file could not be read
  size: number;
  outcome: FileOutcome;
  /** Chinese, e.g. "读取了 6 个村的数据" or "已导入过（与 3 月 2 日导入的 白沙镇.xlsx 内容相同）". */
  message: string;
  duplicateOf: { file: string; importedAt: string | null; importId: number | null } | null;
  villages: number;
  rows: number;
  /** How each sheet was read (for the preview); null for a duplicate, which is not read again. */
  report: FileReport | null;
}

export interface ImportVillage extends VillageJson {
  villageId: number | null; // null in a preview for a village the store does not know yet
  before: VillageStatus | null; // null: not reported before
  change: ChangeKind;
  /** Why it is as it is: reasons of the parts that do not pass. */
  why: string[];
}

export interface ImportReport {
  /** Set by previewImport: pass it to commitImport to save exactly what was shown. */
  previewId: string | null;
  /** Set by a commit; null when nothing new was stored (every file a duplicate or unreadable). */
  importId: number | null;
  importedAt: string | null;
  ruleSet: string;
  files: ImportFileResult[];
  inputProblems: Array<{ path: string; message: string }>;
  /** The villages the import judges again, with their new verdicts. */
  villages: ImportVillage[];
  persons: number;
  findings: FindingJson[];
  message: string; // Chinese one-line summary
}

export interface UndoReply {
  undone: ImportInfo;
  /** Each village the import had judged, and its status now (null: no longer reported). */
  villages: Array<{ villageId: number | null; township: string; village: string; undoneStatus: VillageStatus; nowStatus: VillageStatus | null }>;
  message: string;
}

export interface PartTally {
  pass: number;
  fail: number;
  unknown: number;
  /** pass / (pass + fail + unknown); null when no village was judged on this part. */
  passRate: number | null;
}

export interface Figures {
  township: string;
  /** Villages on the master list; null while no list is set. */
  expected: number | null;
  /** Villages with a current roster (on the list or not). */
  reported: number;
  /** On the list and not reported; null while no list is set. */
  notReported: number | null;
  /** Reported but not on the list; null while no list is set. */
  unexpected: number | null;
  compliant: number;
  noncompliant: number;
  incomplete: number;
  parts: Record<string, PartTally>;
}

export interface TownshipFigures extends Figures {
  townshipId: number;
}

export interface CountySummary {
  ruleSet: string | null;
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

/** `check --json` villages, plus when each was reported and which expected villages have not been. */
export interface Status {
  ruleSet: string | null;
  villages: StatusVillage[];
  notReported: Array<{ township: string; village: string }>;
  expectedListSet: boolean;
  findings: FindingJson[];
}

export interface ApiReplies {
  previewImport: ImportReport;
  commitImport: ImportReport;
  importFiles: ImportReport;
  undoLastImport: UndoReply;
  imports: ImportInfo[];
  countySummary: CountySummary;
  townships: TownshipFigures[];
  villages: VillageList;
  village: VillageDetail;
  findings: FindingList;
  changes: Changes;
  setExpectedVillages: ExpectedReply;
  status: Status;
}

// ================================================================ errors and results

export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'nothing-to-undo'
  | 'preview-expired'
  | 'no-village-list'
  | 'db-corrupt'
  | 'db-readonly'
  | 'db-locked'
  | 'db-too-new'
  | 'db-foreign'
  | 'db-open-failed'
  | 'db-io'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string; // Chinese
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ================================================================ validation with Chinese messages

const OP_LABEL: Record<ApiOp, string> = {
  previewImport: '预览导入',
  commitImport: '确认导入',
  importFiles: '导入',
  undoLastImport: '撤销上次导入',
  imports: '导入记录',
  countySummary: '全县汇总',
  townships: '乡镇列表',
  villages: '村列表',
  village: '村详情',
  findings: '数据质量问题',
  changes: '本次变化',
  setExpectedVillages: '设置应报村名单',
  status: '当前状态',
};

const FIELD_HINT: Record<string, string> = {
  paths: `应为文件或文件夹路径的列表（1至${MAX_PATHS}项，每项为非空文字）`,
  overrides: '应为按文件路径给出的列对应关系更正',
  mapping: '应为“列序号 → 列含义”的对应关系',
  headerRows: '应为表头所在行号（从0起）的列表',
  previewId: '应为预览时返回的编号',
  township: '应为乡镇名称（非空文字）',
  townshipId: '应为乡镇编号（正整数）',
  status: '应为 "compliant"（达标）、"noncompliant"（不达标）、"incomplete"（数据不全）或 "notReported"（未报送）',
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
  villageId: '应为村的编号（正整数）',
  severity: '应为 "error"、"warning" 或 "info"',
  code: '应为问题类别的标识',
  path: '应为文件路径（非空文字）',
};

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : (out ? '.' : '') + String(seg);
  return out;
}

function hintFor(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && FIELD_HINT[seg]) return FIELD_HINT[seg];
  }
  return '格式不对';
}

function shortValue(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    if (s === undefined) return String(v);
    return s.length > 40 ? s.slice(0, 37) + '…' : s;
  } catch {
    return String(v);
  }
}

function issueText(iss: z.core.$ZodIssue): string {
  const where = pathText(iss.path);
  if (iss.code === 'unrecognized_keys') return `${where ? `${where} 中` : ''}含有无法识别的字段 ${iss.keys.map((k) => `"${k}"`).join('、')}`;
  if (iss.path.length === 0) return '应为一个对象（JSON）';
  const input = (iss as { input?: unknown }).input;
  const missing = iss.code === 'invalid_type' && input === undefined;
  return `${where} ${missing ? '缺失，' : ''}${hintFor(iss.path)}${!missing && input !== undefined ? `（现为 ${shortValue(input)}）` : ''}`;
}

export type Validated<Op extends ApiOp> = { ok: true; value: ApiRequests[Op] } | { ok: false; error: string };

/** Checks a request against its operation's schema. Never throws: a bad request gets a Chinese error. */
export function validateRequest<Op extends ApiOp>(op: Op, args: unknown): Validated<Op>;
export function validateRequest(op: string, args: unknown): { ok: true; value: unknown } | { ok: false; error: string };
export function validateRequest(op: string, args: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, op)) {
    return { ok: false, error: `未知的操作“${String(op).slice(0, 40)}”` };
  }
  const schema = REQUEST_SCHEMAS[op as ApiOp];
  const result = schema.safeParse(args === undefined ? {} : args, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const texts = [...new Set(result.error.issues.map(issueText))].slice(0, 5);
  return { ok: false, error: `“${OP_LABEL[op as ApiOp]}”请求的参数有误：${texts.join('；')}` };
}
