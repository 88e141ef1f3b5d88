// Child process for the crash test: imports one workbook into the database and reports each phase on
// stdout, so the parent can kill it (SIGKILL) at a random moment, often inside the write transaction.
// Usage: node --import tsx tests/store/crash-child.ts DB_PATH WORKBOOK

import { Backend } from '../../electron/backend/service.ts';

const [dbPath, workbook] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(line + '\n');

const backend = Backend.open(dbPath, { busyTimeoutMs: 10_000, verify: 'none' });
say('opened');
let phase = '';
const report = await backend.importFiles(
  { paths: [workbook] },
  {
    onProgress: (p) => {
      if (p.phase !== phase) say((phase = p.phase));
    },
  },
);
say(`committed ${report.importId} ${report.persons}`);
await backend.close();
say('closed');
