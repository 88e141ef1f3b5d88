// Storing 200,000 persons: one transaction, prepared statements, the event loop served between slices.
// Measured here without reading (the rosters are built in memory): the numbers are the store's own.
// `npm run bench` measures the whole import from workbooks.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/service.ts';
import type { PersonRow, VillageInput } from '../../shared/model.ts';
import type { FileRead } from '../../shared/reading/read.ts';
import { personName, removeDir, tempDir, validId, villageName } from './helpers.ts';

const TOWNSHIPS = 20;
const VILLAGES = 100; // per township
const PER_VILLAGE = 100; // 7 committee members + 93 representatives

function bigRead(): FileRead {
  const file = '全县名单.xlsx';
  const inputs: VillageInput[] = [];
  let seq = 0;
  for (let t = 0; t < TOWNSHIPS; t++) {
    const township = `${villageName('青', t + 1).slice(0, -1)}镇`;
    for (let v = 0; v < VILLAGES; v++) {
      const rows: PersonRow[] = [];
      for (let i = 0; i < PER_VILLAGE; i++) {
        seq++;
        const female = i % 3 === 0;
        const seat = i < 7;
        rows.push({
          source: { file, sheet: township, row: rows.length + 2 },
          name: personName(seq),
          displayName: personName(seq),
          declaredGender: female ? 'female' : 'male',
          idNumber: validId(seq, female),
          idFromNumber: false,
          postText: seat ? (i === 0 ? '委员、妇联主席' : '委员') : '',
          seats: seat ? [{ committee: 'villagers', role: 'member' }] : [],
          isChair: i === 0,
          otherPosts: [],
          seatUnknown: false,
          representative: !seat,
        });
      }
      const source = { file, sheet: township, row: 2 };
      inputs.push({ township, village: villageName('村', v + 1), parts: [{ kind: 'committees', form: 'roster', rows, source }, { kind: 'representatives', form: 'roster', rows, source }], ownVerdict: null });
    }
  }
  return { report: { file, format: 'xlsx', ok: true, problem: null, message: '', notes: [], sheets: [] }, inputs, findings: [], villageList: [] };
}

let dir: string;
beforeAll(() => (dir = tempDir('qw-perf-')));
afterAll(() => removeDir(dir));

describe('storing 200,000 persons', () => {
  it('is one transaction, fast, and never blocks the event loop for long', async () => {
    const read = bigRead();
    const b = Backend.open(path.join(dir, 'big.sqlite'));
    const marks: Record<string, number> = {};
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 2);
    const t0 = performance.now();
    const r = await b.importReads([{ path: '/county/全县名单.xlsx', hash: 'perf', size: 0, read }], {
      onProgress: (p) => (marks[p.phase] ??= performance.now()),
    });
    const total = performance.now() - t0;
    clearInterval(ticker);
    const storing = marks.done - marks.storing;
    expect(r.persons).toBe(TOWNSHIPS * VILLAGES * PER_VILLAGE);
    expect(r.villages.length).toBe(TOWNSHIPS * VILLAGES);
    expect(r.villages.every((v) => v.status === 'compliant')).toBe(true);
    expect(b.store.reader.counts()).toMatchObject({ imports: 1, persons: 200_000, villages: 2000 });
    console.log(
      `200,000 persons: commit ${Math.round(total)} ms (${Math.round(200_000 / (total / 1000))} rows/s), ` +
        `of which judging ${Math.round(marks.storing - marks.judging)} ms and writing rows ${Math.round(storing)} ms (${Math.round(200_000 / (storing / 1000))} rows/s); ` +
        `longest event-loop stall ${Math.round(maxGap)} ms`,
    );

    const t1 = performance.now();
    await b.status();
    await b.countySummary();
    const views = performance.now() - t1;
    const t2 = performance.now();
    await b.undoLastImport();
    const undo = performance.now() - t2;
    console.log(`status + county summary over 2,000 villages: ${Math.round(views)} ms; undo of the 200,000-person import: ${Math.round(undo)} ms`);
    expect(b.store.reader.counts().persons).toBe(0);
    await b.close();
  }, 120_000);
});
