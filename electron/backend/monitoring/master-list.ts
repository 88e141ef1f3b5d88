// The master list of villages the county expects (应报村), set from a workbook.

import path from 'node:path';
import { villageIdentity } from '../../../shared/check.ts';
import { findingJson } from '../../../shared/summary.ts';
import type { ExpectedReply } from '../../../shared/api.ts';
import { readFiles } from '../read-pool.ts';
import { ApiFailure, fsProblem, hashFile, type BackendContext } from '../context.ts';

/** Sets the master list of villages the county expects (应报村) from a workbook. */
export async function setExpectedVillages(ctx: BackendContext, req: { path: string }): Promise<ExpectedReply> {
  const name = path.basename(req.path);
  let hash: string;
  let size: number;
  try {
    ({ hash, size } = await hashFile(req.path));
  } catch (err) {
    throw new ApiFailure('no-village-list', `${name}：${fsProblem(err)}`);
  }
  const [read] = await readFiles([{ path: req.path, name, size }], { ...ctx.options.pool });
  if (!read.report.ok) throw new ApiFailure('no-village-list', `${name}：${read.report.message}`);
  let from: ExpectedReply['from'] = 'list';
  let list = read.villageList;
  if (list.length === 0) {
    from = 'roster';
    const seen = new Set<string>();
    list = [];
    for (const i of read.inputs) {
      const key = villageIdentity(i.township, i.village);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push({ township: i.township, village: i.village, source: i.parts[0]?.source ?? { file: name, sheet: '', row: null } });
    }
  }
  if (list.length === 0) throw new ApiFailure('no-village-list', `${name} 中没有找到村名清单（需要“乡镇”和“村”两列，或按乡镇分段列出村名）`);
  const setAt = ctx.now().toISOString();
  return ctx.store.write((w) => {
    const villages = list.map((v) => ({ ...v, villageId: w.ensureVillage(v.township, v.village) }));
    w.setExpected(name, hash, setAt, villages);
    const expected = w.expected();
    const reported = new Set(w.reportedVillageIds());
    const notReported = expected.filter((e) => !reported.has(e.village_id)).length;
    const townships = new Set(expected.map((e) => e.township_id)).size;
    return {
      file: name,
      villages: expected.length,
      townships,
      from,
      notReported,
      message: `应报村名单已设为 ${name}：${townships} 个乡镇、${expected.length} 个村，其中 ${notReported} 个村尚未报送${from === 'roster' ? '（文件中没有单独的村名清单，按名单中出现的村计）' : ''}`,
      findings: read.findings.map(findingJson),
    };
  });
}
