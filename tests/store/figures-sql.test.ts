// The overview's figures read compactly (monitoring/views.ts figureRows: the statuses and outcomes
// straight from SQL, kept until the store changes) equal shared/report/figures.ts's figures over the
// full village rows (villageRows), on the fixtures: without a list, with a list that writes a name
// bare (上塘 for 上塘村), names a village that did not report and leaves out one that did, after a
// second import and after an undo.

import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import { Store } from '../../electron/backend/store/store.ts';
import { townshipFigures, villageRows } from '../../electron/backend/monitoring/views.ts';
import { countyFigures } from '../../shared/report/figures.ts';
import { FIXTURES, FIXTURE_FILES, removeDir, tempDir, writeCsv } from './helpers.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'qw.sqlite');
});
afterEach(() => removeDir(dir));

const fixture = (name: string) => path.join(FIXTURES, name);

/** The compact figures and the figures over every built row, read twice (the second from the cache). */
function bothWays(): { fast: unknown; full: unknown; again: unknown } {
  const store = Store.open(db);
  try {
    return store.read((q) => {
      const fast = townshipFigures(q);
      const { rows, partOrder, listSet } = villageRows(q);
      const full = { ...countyFigures(rows, listSet, partOrder), partOrder, listSet };
      return { fast: structuredClone(fast), full, again: structuredClone(townshipFigures(q)) };
    });
  } finally {
    store.close();
  }
}

async function step(fn: (b: Backend) => Promise<unknown>): Promise<void> {
  const backend = Backend.open(db);
  try {
    await fn(backend);
  } finally {
    await backend.close();
  }
}

it('equal the figures over the full rows: no list, a list with a bare name, an extra and a missing village, a new import, an undo', async () => {
  await step((b) => b.importFiles({ paths: ['青山镇-换届名单.xlsx', '云溪乡.xlsx', '枫林镇.xlsx'].map(fixture) }));
  let r = bothWays();
  expect(r.fast).toEqual(r.full);
  expect(r.again).toEqual(r.full);
  expect((r.full as { listSet: boolean }).listSet).toBe(false);

  const list = writeCsv(path.join(dir, '应报村名单.csv'), [
    ['乡镇', '村'],
    ['青山镇', '上塘'],
    ['青山镇', '下洋村'],
    ['青山镇', '新屋村'],
    ['云溪乡', '溪南村'],
    ['云溪乡', '桐坑村'],
    ['新安乡', '新安村'],
  ]);
  await step((b) => b.setExpectedVillages({ path: list }));
  r = bothWays();
  expect(r.fast).toEqual(r.full);
  expect(r.again).toEqual(r.full);
  const county = (r.full as { county: { expected: number; notReported: number; offList: number } }).county;
  expect(county.expected).toBe(6);
  expect(county.notReported).toBeGreaterThan(0);
  expect(county.offList).toBeGreaterThan(0);

  await step((b) => b.importFiles({ paths: FIXTURE_FILES.map(fixture) }));
  const afterImport = bothWays();
  expect(afterImport.fast).toEqual(afterImport.full);
  expect(afterImport.full).not.toEqual(r.full);

  await step((b) => b.undoLastImport());
  const afterUndo = bothWays();
  expect(afterUndo.fast).toEqual(afterUndo.full);
  expect(afterUndo.full).toEqual(r.full);
});
