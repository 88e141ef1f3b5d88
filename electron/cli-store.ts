// The store commands of `quota-watch`: import, villages, status, changes, undo. Each goes through
// Backend.handle, the same entry the window and the HTTP transport use.

import { Backend } from './backend/service.ts';
import { StoreError } from './backend/store/errors.ts';
import type { ApiOp, ApiReplies, ImportProgress } from '../shared/api.ts';
import { STATUS_LABEL } from '../shared/summary.ts';
import type { TableLayout } from '../shared/reading/corrections.ts';

export interface StoreCommandArgs {
  positionals: string[];
  db?: string;
  json: boolean;
  expected?: string;
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

export async function runStoreCommand(command: string, args: StoreCommandArgs, out: Out, err: Out): Promise<number> {
  let backend: Backend;
  try {
    backend = Backend.open(args.db);
  } catch (e) {
    if (e instanceof StoreError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
  try {
    return await dispatch(backend, command, args, out, err);
  } finally {
    await backend.close();
  }
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
      else for (const v of r.villages) out(`${v.township} ${v.village}：${v.status ? STATUS_LABEL[v.status] : '未报送'}${v.reportedAt ? `（${v.reportedAt.slice(0, 10)} 报送）` : ''}`);
      return 0;
    }
    case 'status': {
      const status = await call(backend, 'status', {}, err);
      if (!status) return 2;
      if (args.json) {
        json(status);
      } else {
        const summary = await call(backend, 'countySummary', {}, err);
        if (!summary) return 2;
        const c = summary.county;
        out(`规则：${summary.ruleSet ?? '—'}　已报送 ${c.reported} 个村${c.expected !== null ? `，应报 ${c.expected}，未报送 ${c.notReported}` : '（未设应报村名单）'}；达标 ${c.compliant}，不达标 ${c.noncompliant}，数据不全 ${c.incomplete}`);
        for (const p of summary.parts) out(`  ${p.label}：达标率 ${percent(c.parts[p.id]?.passRate ?? null)}`);
        for (const t of summary.townships) {
          out(`\n${t.township}：${t.expected !== null ? `应报 ${t.expected}，` : ''}已报 ${t.reported}，达标 ${t.compliant}，不达标 ${t.noncompliant}，数据不全 ${t.incomplete}`);
          for (const v of status.villages.filter((x) => x.township === t.township && x.status !== 'compliant')) {
            out(`  ${STATUS_LABEL[v.status]}　${v.village}：${Object.entries(v.rules).filter(([, o]) => o !== 'pass').map(([id]) => v.reasons[id]).join('；')}`);
          }
        }
        if (status.notReported.length) {
          out(`\n未报送（${status.notReported.length} 个村）：`);
          for (const v of status.notReported) out(`  ${v.township} ${v.village}`);
        }
      }
      return status.villages.every((v) => v.status === 'compliant') && status.notReported.length === 0 ? 0 : 1;
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
    case 'undo': {
      const r = await call(backend, 'undoLastImport', {}, err);
      if (!r) return 2;
      if (args.json) json(r);
      else out(r.message);
      return 0;
    }
    default:
      err(`未知命令“${command}”`);
      return 2;
  }
}
