// The store commands of `quota-watch`: import, villages, status, changes, undo. Each goes through
// Backend.handle, the same entry the window and the HTTP transport use.

import { createInterface } from 'node:readline/promises';
import type { Backend } from './backend/service.ts';
import { withBackend } from './cli-backend.ts';
import type { OpenOptions } from './backend/store/open.ts';
import { toMinute } from '../shared/time.ts';
import type { ApiOp, ApiReplies, CountySummary, Figures, ImportProgress, Status } from '../shared/api.ts';
import { STATUS_LABEL } from '../shared/summary.ts';
import type { TableLayout } from '../shared/reading/corrections.ts';

export interface StoreCommandArgs {
  positionals: string[];
  db?: string;
  json: boolean;
  expected?: string;
  /** import: make a new database at --db when there is none. */
  create?: boolean;
  /** undo: do not ask. */
  yes?: boolean;
  /** `import --layout FILE`: tables read as a person laid them out (and remembered for later files). */
  layouts?: TableLayout[];
}

type Out = (s: string) => void;

const PHASE: Record<ImportProgress['phase'], string> = { hashing: '核对', reading: '读取', judging: '核算', storing: '保存', done: '完成' };

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

async function call<Op extends ApiOp>(backend: Backend, op: Op, args: unknown, err: Out, onProgress?: (p: ImportProgress) => void): Promise<ApiReplies[Op] | null> {
  const r = await backend.handle(op, args, { onProgress });
  if (!r.ok) {
    err(r.error.message);
    return null;
  }
  return r.value;
}

/**
 * Commands that read never make a database: a missing file is an error. `import` makes one on the
 * default path, or at --db when told (--create), and never a missing folder on the way.
 */
export function openOptionsFor(command: string, args: Pick<StoreCommandArgs, 'db' | 'create'>): OpenOptions {
  if (command !== 'import') return { create: 'never' };
  if (args.db === undefined) return { create: 'file-and-folder' };
  return args.create ? { create: 'file' } : { create: 'never', missingHint: '如要新建数据库，请加 --create；否则请检查 --db 路径' };
}

export async function runStoreCommand(command: string, args: StoreCommandArgs, out: Out, err: Out): Promise<number> {
  return withBackend(
    args.db,
    err,
    (backend) => {
      if (backend.openInfo.created) err(`新建数据库：${backend.openInfo.path}`);
      return dispatch(backend, command, args, out, err);
    },
    openOptionsFor(command, args),
  );
}

async function dispatch(backend: Backend, command: string, args: StoreCommandArgs, out: Out, err: Out): Promise<number> {
  const json = (v: unknown) => out(JSON.stringify(v, null, 1));
  switch (command) {
    case 'import': {
      if (args.positionals.length === 0) {
        err('请给出要导入的文件或文件夹');
        return 2;
      }
      const progress = process.stderr.isTTY
        ? (p: ImportProgress) => process.stderr.write(`\r${PHASE[p.phase]} ${p.filesDone}/${p.filesTotal} 个文件，${p.rows} 行${p.file ? `　${p.file}` : ''}\x1b[K`)
        : undefined;
      const r = await call(backend, 'importFiles', { paths: args.positionals, ...(args.layouts ? { layouts: args.layouts } : {}) }, err, progress);
      if (progress) process.stderr.write('\r\x1b[K');
      if (!r) return 2;
      if (args.json) json(r);
      else {
        out(r.message);
        for (const f of r.files) out(`  ${f.name}：${f.message}`);
        for (const p of r.inputProblems) out(`  ${p.path}：${p.message}`);
        const fresh = r.villages.filter((v) => v.change === 'new');
        if (fresh.length) out(`新报送 ${fresh.length} 个村（用 quota-watch status 查看各村结论）`);
        const moved = r.villages.filter((v) => v.change !== 'unchanged' && v.change !== 'new');
        if (moved.length) {
          out('变化：');
          for (const v of moved) out(`  ${v.township} ${v.village}：${v.before ? STATUS_LABEL[v.before] : '未报送'} → ${STATUS_LABEL[v.status]}${v.why.length ? `（${v.why.join('；')}）` : ''}`);
        }
      }
      return r.inputProblems.length || r.files.some((f) => f.outcome === 'unreadable') ? 2 : 0;
    }
    case 'villages': {
      if (args.expected) {
        const r = await call(backend, 'setExpectedVillages', { path: args.expected }, err);
        if (!r) return 2;
        if (args.json) json(r);
        else out(r.message);
        return 0;
      }
      const r = await call(backend, 'villages', {}, err);
      if (!r) return 2;
      if (args.json) json(r);
      else for (const v of r.villages) out(`${v.township} ${v.village}：${v.status ? STATUS_LABEL[v.status] : '未报送'}${v.reportedAt ? `（${toMinute(v.reportedAt)} 报送）` : ''}`);
      return 0;
    }
    case 'status': {
      const status = await call(backend, 'status', {}, err);
      if (!status) return 2;
      if (args.json) json(status);
      else {
        const summary = await call(backend, 'countySummary', {}, err);
        if (!summary) return 2;
        printStatus(status, summary, out);
      }
      return status.villages.every((v) => v.status === 'compliant') && !status.notReported?.length ? 0 : 1;
    }
    case 'changes': {
      const r = await call(backend, 'changes', {}, err);
      if (!r) return 2;
      if (args.json) json(r);
      else {
        out(r.message);
        for (const v of r.villages.filter((x) => x.change !== 'unchanged')) {
          out(`  ${v.township} ${v.village}：${v.before ? STATUS_LABEL[v.before.status] : '未报送'} → ${STATUS_LABEL[v.after.status]}${v.why.length ? `（${v.why.join('；')}）` : ''}`);
        }
      }
      return 0;
    }
    case 'undo':
      return undo(backend, args, out, err);
    default:
      err(`未知命令“${command}”`);
      return 2;
  }
}

/** Says what the last import was (files, date and time to the minute), asks unless --yes, then undoes it. */
async function undo(backend: Backend, args: StoreCommandArgs, out: Out, err: Out): Promise<number> {
  const list = await call(backend, 'imports', {}, err);
  if (!list) return 2;
  const last = list.reduce<(typeof list)[number] | null>((a, b) => (a === null || b.id > a.id ? b : a), null);
  if (!last) {
    err('没有可以撤销的导入');
    return 2;
  }
  if (!args.yes) {
    out(`将撤销 ${toMinute(last.importedAt)} 的导入（${last.villages} 个村）：${last.files.map((f) => f.name).join('、')}`);
    if (!(await confirm('确定撤销吗？输入 y 确认：'))) {
      out('未撤销，数据库没有改动');
      return 1;
    }
  }
  const r = await call(backend, 'undoLastImport', {}, err);
  if (!r) return 2;
  if (args.json) out(JSON.stringify(r, null, 1));
  else out(r.message);
  return 0;
}

/** One line from stdin; yes only for y / yes / 是 / 确定. End of input is no. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    process.stderr.write(question);
    const answer = await new Promise<string | null>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(null));
    });
    return answer !== null && /^\s*(y|yes|是|确定)\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}

/** 应报 / 已报 / 未报 / 名单外 and the verdicts, as shared/report/figures.ts defines them. */
function figuresLine(f: Figures): string {
  const list = f.expected !== null ? `应报 ${f.expected}，已报 ${f.reported}，未报 ${f.notReported}，名单外 ${f.offList}` : `已报送 ${f.reported} 个村（未设应报村名单）`;
  return `${list}；达标 ${f.compliant}，不达标 ${f.noncompliant}，数据不全 ${f.incomplete}`;
}

function printStatus(status: Status, summary: CountySummary, out: Out): void {
  const c = status.totals.county;
  out(`规则：${summary.ruleSet ?? '—'}　全县：${figuresLine(c)}`);
  for (const p of summary.parts) out(`  ${p.label}：达标率 ${percent(c.parts[p.id]?.passRate ?? null)}`);
  if (summary.provisional) out(`  待核对：${summary.provisional} 个村的结论依据按推测读取的表格`);
  for (const t of status.totals.townships) {
    out(`\n${t.township}：${figuresLine(t)}`);
    for (const v of status.villages.filter((x) => x.township === t.township && (x.status !== 'compliant' || x.provisional))) {
      out(`  ${STATUS_LABEL[v.status]}${v.provisional ? '（待核对）' : ''}　${v.village}：${Object.entries(v.rules).filter(([, o]) => o !== 'pass').map(([id]) => v.reasons[id]).join('；')}`);
      if (v.provisionalReasons?.length) out(`    · 待核对：${v.provisionalReasons.join('；')}`);
    }
  }
  if (status.notReported?.length) {
    out(`\n未报送（${status.notReported.length} 个村）：`);
    for (const v of status.notReported) out(`  ${v.township} ${v.village}`);
  }
  if (status.offList?.length) {
    out(`\n不在应报名单（已报送，${status.offList.length} 个村）：`);
    for (const v of status.offList) out(`  ${v.township} ${v.village}`);
  }
  const notes = status.findings.filter((f) => f.code === 'list-place-joined' || f.code === 'list-place-ambiguous');
  if (notes.length) {
    out('\n应报名单核对：');
    for (const f of notes) out(`  ${f.message}`);
  }
}
