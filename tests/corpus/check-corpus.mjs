#!/usr/bin/env node
// One `quota-watch check` over a folder of real, odd and hostile spreadsheets (Apache POI's test data).
// It must finish in bounded time without a crash or a stack trace, name every file it could not read
// with a reason, and list the files that held no roster. Exit 0 when all of that holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.argv[2];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = fs.readdirSync(folder).filter((f) => fs.statSync(path.join(folder, f)).isFile());
const started = Date.now();
const run = spawnSync(process.execPath, [path.join(root, 'bin/quota-watch.mjs'), 'check', folder, '--json'], {
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
  timeout: 20 * 60 * 1000,
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const problems = [];
if (run.error) problems.push(`run failed: ${run.error.message}`);
if (![0, 1, 2].includes(run.status)) problems.push(`exit status ${run.status} (signal ${run.signal})`);
if (/\n\s+at .+:\d+:\d+\)?\n/.test(run.stderr)) problems.push(`stack trace on stderr:\n${run.stderr.slice(0, 2000)}`);
let out = null;
try {
  out = JSON.parse(run.stdout);
} catch {
  problems.push('stdout is not the JSON report');
}
if (out) {
  // A file whose content another file of the run already gave is read once and named by a same-content finding.
  const reported = new Set([...out.files.map((f) => f.file), ...out.findings.filter((f) => f.code === 'same-content').map((f) => f.file)]);
  const missing = files.filter((f) => !reported.has(f));
  if (missing.length) problems.push(`files not accounted for: ${missing.slice(0, 10).join(', ')}`);
  const unreadable = out.files.filter((f) => !f.ok);
  const noMessage = unreadable.filter((f) => !f.message);
  if (noMessage.length) problems.push(`unreadable without a reason: ${noMessage.map((f) => f.file).join(', ')}`);
  const empty = out.files.filter((f) => f.ok && f.sheets.every((s) => s.villages.length === 0));
  const encrypted = unreadable.filter((f) => f.problem === 'encrypted');
  console.log(
    `corpus: ${files.length} files in ${seconds} s; unreadable ${unreadable.length} (password-protected ${encrypted.length}), ` +
      `no roster ${empty.length}, villages found ${out.villages.length}, exit ${run.status}`,
  );
}
if (problems.length) {
  console.error(`corpus check FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('corpus check passed');
