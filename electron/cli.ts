// The `quota-watch` command over the backend. Messages for people are in Chinese.

import { parseArgs } from 'node:util';
import { runCheck, exitCodeOf, type CheckRun } from './backend/check.ts';
import { resolveRuleSet, RuleSetError } from './backend/rules.ts';
import { summarizeTownships, verdictJson, findingJson, STATUS_LABEL } from '../shared/summary.ts';
import { runStoreCommand } from './cli-store.ts';
import { argsError } from './args.ts';
import { findingGroups, groupFindings, groupLine } from '../shared/finding-groups.ts';
import type { Finding } from '../shared/model.ts';
import { columnLetter } from '../shared/reading/columns.ts';

import { LayoutFileError, readLayoutFile, runLayoutsCommand } from './cli-layouts.ts';
import { runReportCommand, REPORT_HELP, REPORT_USAGE } from './cli-report.ts';

const USAGE = `用法：
  quota-watch check 文件或文件夹... [--json] [--rules 规则名|规则文件.json] [--explain] [--findings] [--layout 读法文件.json]
  quota-watch import 文件或文件夹... [--db 数据库文件 [--create]] [--json] [--layout 读法文件.json]
  quota-watch villages --expected 应报村名单文件 [--db 数据库文件]
  quota-watch villages [--db 数据库文件] [--json]
  quota-watch status [--json] [--db 数据库文件]
  quota-watch changes [--json] [--db 数据库文件]
  quota-watch undo [--db 数据库文件] [--yes]
  quota-watch layouts [--db 数据库文件] [--json] [--forget 编号]
${REPORT_USAGE}

  check       读取乡镇报送的表格，逐村核算“两进一有”是否达标
  --json      以 JSON 输出全部结果（村、各项结论、人数、数据质量问题）
  --rules     选择规则：内置“两进一有”（默认）、“法定”、“每委一女”，或自定义规则文件
  --explain   说明每个工作表是如何读取的（表头、各列含义、哪些行属于哪个村、跳过了哪些行）
  --findings  列出全部数据质量问题
  --layout    按人工更正的读法读取（--explain --json 输出的 JSON，改动某列含义等后交回）；这些表不再“待核对”

  import      把表格导入本机数据库：同一文件不会重复导入；新报送的部分替换该村原有部分，历史保留
  villages    --expected 设置应报村名单（据此列出未报送的村）；不带参数则列出各村状态
  status      各村当前结论、报送时间和未报送的村
  changes     上次导入带来的变化
  undo        先列出上次导入的文件和时间，确认后撤销，恢复导入前的状态；--yes 不再询问
  layouts     列出记住的读法（import --layout 确认过的表头读法，同样表头的新文件自动按它读取）；--forget 忘记其中一个
  --db        数据库文件（默认与桌面程序相同的位置）；除 import 外，文件不存在时不会新建
  --create    import 时在 --db 指定的位置新建数据库（所在文件夹须已存在）
${REPORT_HELP}

退出码：0 全部达标；1 有村不达标或数据不全；2 有文件无法读取，或没有找到可核算的村`;

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

function location(f: { file: string; sheet: string | null; row: number | null }): string {
  return `${f.file}${f.sheet ? ` 工作表“${f.sheet}”` : ''}${f.row ? ` 第${f.row}行` : ''}`;
}

function printText(run: CheckRun, explain: boolean, allFindings: boolean): void {
  const verdicts = run.villages.map((v) => v.verdict);
  const read = run.files.filter((f) => f.ok).length;
  const same = run.findings.filter((f) => f.code === 'same-content').length;
  write(`规则：${run.ruleSet.name}　${run.files.length ? `共读取 ${read}/${run.files.length} 个文件${same ? `（另有 ${same} 个与其他文件内容相同，只计一次）` : ''}，${verdicts.length} 个村` : '没有找到可读取的表格文件'}`);
  for (const t of summarizeTownships(verdicts)) {
    const provisional = verdicts.filter((x) => x.township === t.township && x.provisional).length;
    write(`\n${t.township}：${t.villages} 个村，达标 ${t.compliant}，不达标 ${t.noncompliant}，数据不全 ${t.incomplete}${provisional ? `；其中待核对 ${provisional}` : ''}`);
    for (const v of verdicts.filter((x) => x.township === t.township && (x.status !== 'compliant' || x.provisional))) {
      write(`  ${STATUS_LABEL[v.status]}${v.provisional ? '（待核对）' : ''}　${v.village}`);
      if (v.provisional) write(`    · 待核对：${v.provisional.join('；')}`);
      for (const p of v.parts.filter((p) => p.outcome !== 'pass')) write(`    · ${p.label}：${p.reason}`);
    }
  }
  const unreadable = run.files.filter((f) => !f.ok);
  if (run.inputProblems.length || unreadable.length) {
    write('\n无法读取：');
    for (const p of run.inputProblems) write(`  ${p.path}：${p.message}`);
    for (const f of unreadable) write(`  ${f.file}：${f.message}`);
  }
  const empty = run.files.filter((f) => f.ok && f.sheets.every((s) => s.villages.length === 0));
  if (empty.length) {
    write(`\n没有找到名单或统计表（${empty.length} 个文件）：`);
    for (const f of empty) {
      const notes = [...new Set(f.sheets.map((s) => s.note))];
      const why = notes.length ? `${f.sheets.length} 个工作表：${notes.slice(0, 3).join('；')}` : '没有工作表';
      write(`  ${f.file}（${why}）`);
    }
  }
  if (explain) {
    write('\n读取说明：');
    for (const f of run.files.filter((x) => x.ok)) {
      write(`  ${f.file}（${f.format}${f.encoding ? `，${f.encoding}` : ''}）`);
      for (const s of f.sheets) {
        write(`    ${s.sheet ? `工作表“${s.sheet}”` : '表格'}：${s.note}`);
        if (s.headerRows.length) write(`      表头：${s.orientation === 'columns' ? `${s.headerRows.map((h) => columnLetter(h - 1)).join('、')}列` : `第${s.headerRows.join('、')}行`}；${s.columns.map((c) => `${c.column}“${c.header}”→${c.label}${c.byValue ? '（据内容）' : ''}`).join('，')}`);
        if (s.id && s.headerRows.length) write(`      表编号：${s.id}${s.orientation === 'columns' ? '（横向表：村为列）' : ''}`);
        if (s.confirmed) write(`      读法：${s.confirmed.by === 'layout' ? '按给出的读法（已确认）' : `按记住的读法 #${s.confirmed.id}（来自“${s.confirmed.file}”，已确认）`}`);
        if (s.provisional?.length) write(`      待核对：${s.provisional.join('；')}`);
        if (s.detection) write(`      识别：${s.detection.scores.map((x, i) => `${i === 0 ? '' : i === 1 ? '次选 ' : ''}${x.label} ${Math.round(x.score * 100) / 100} 分`).join('；')}`);
        if (s.township.from) write(`      乡镇：${s.township.name ?? '按列'}（来自${{ column: '乡镇列', section: '分段标题', title: '表头标题', sheet: '工作表名', file: '文件名', layout: '人工更正' }[s.township.from]}）`);
        for (const v of s.villages) write(`      ${v.township} ${v.village}：${v.cells ?? (v.firstRow === v.lastRow ? `第${v.firstRow}行` : `第${v.firstRow}–${v.lastRow}行，共 ${v.rows} 行`)}`);
        for (const k of s.skipped) write(`      跳过${k.cells ?? `第${k.row}行`}：${k.reason}`);
        if (s.skippedCount > s.skipped.length) write(`      ……另有 ${s.skippedCount - s.skipped.length} 行跳过`);
      }
    }
  }
  printFindings(run.findings, allFindings);
}

const SEVERITY_WORD = { error: '错误', warning: '注意', info: '提示' } as const;

/**
 * The findings the summary counts are exactly those --findings lists (files that could not be read are
 * listed above already, so neither counts them); the same finding on many rows of a sheet is one line.
 */
function printFindings(all: readonly Finding[], allFindings: boolean): void {
  const findings = all.filter((f) => f.code !== 'unreadable-file' && f.code !== 'encrypted-file');
  if (!findings.length) return;
  const lines = groupFindings(allFindings ? findings : findings.filter((f) => f.severity === 'error'));
  const shown = allFindings ? lines : lines.slice(0, 20);
  write(`\n数据质量问题 ${findings.length} 条${allFindings ? '' : '（用 --findings 查看全部）'}${shown.length ? '：' : ''}`);
  for (const x of shown) {
    if ('group' in x) write(`  [${SEVERITY_WORD[x.group.severity]}] ${location({ ...x.group, row: null })} ${groupLine(x.group)}`);
    else write(`  [${SEVERITY_WORD[x.finding.severity]}] ${location(x.finding)}：${x.finding.message}`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'layouts') return runLayoutsCommand(rest, write, (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'), USAGE);
  if (['import', 'villages', 'status', 'changes', 'undo'].includes(command)) {
    let a;
    let layouts;
    try {
      a = parseArgs({ args: rest, allowPositionals: true, options: { db: { type: 'string' }, json: { type: 'boolean' }, expected: { type: 'string' }, create: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, layout: { type: 'string' } } });
      layouts = a.values.layout ? readLayoutFile(a.values.layout) : undefined;
    } catch (err) {
      process.stderr.write(err instanceof LayoutFileError ? `${err.message}\n` : `${argsError(err)}\n${USAGE}\n`);
      return 2;
    }
    return runStoreCommand(command, { positionals: a.positionals, db: a.values.db, json: !!a.values.json, expected: a.values.expected, create: !!a.values.create, yes: !!a.values.yes, layouts }, write, (s) =>
      process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    );
  }
  if (command === 'report' || command === 'template') {
    return runReportCommand(command, rest, write, (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'));
  }
  if (command !== 'check') {
    process.stderr.write(`未知命令“${command}”\n${USAGE}\n`);
    return 2;
  }
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, rules: { type: 'string' }, explain: { type: 'boolean' }, findings: { type: 'boolean' }, layout: { type: 'string' } },
    });
  } catch (err) {
    process.stderr.write(`${argsError(err)}\n${USAGE}\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    process.stderr.write(`请给出要检查的文件或文件夹\n${USAGE}\n`);
    return 2;
  }
  let ruleSet;
  try {
    ruleSet = resolveRuleSet(args.values.rules);
  } catch (err) {
    if (err instanceof RuleSetError) {
      process.stderr.write(err.message + '\n');
      return 2;
    }
    throw err;
  }
  let layouts;
  try {
    layouts = args.values.layout ? readLayoutFile(args.values.layout) : undefined;
  } catch (err) {
    if (err instanceof LayoutFileError) {
      process.stderr.write(err.message + '\n');
      return 2;
    }
    throw err;
  }
  const run = await runCheck(args.positionals, ruleSet, layouts ? { readOptions: { layouts } } : {});
  if (args.values.json) {
    write(
      JSON.stringify(
        {
          ruleSet: ruleSet.name,
          provisional: run.villages.filter((v) => v.verdict.provisional).length,
          villages: run.villages.map((v) => verdictJson(v.verdict)),
          findings: run.findings.map(findingJson),
          findingGroups: findingGroups(run.findings),
          files: run.files,
          inputProblems: run.inputProblems,
        },
        null,
        1,
      ),
    );
  } else {
    printText(run, !!args.values.explain, !!args.values.findings);
  }
  return exitCodeOf(run);
}
