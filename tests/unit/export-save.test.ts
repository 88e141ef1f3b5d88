// The 导出 screen's requests to the desktop shell are ones the shell accepts: the print route with the
// as-of choice in it passes printToPdf's check, and every suggested file name passes chooseSavePath's.

import { describe, expect, it } from 'vitest';
import { isPrintRoute, validateShellRequest } from '../../electron/shell-contract.ts';
import { CHOICES, printRoute, suggestedName } from '../../renderer/screens/ExportSave.ts';

describe('the 导出 screen and the shell contract', () => {
  it('print routes carry the as-of choice and pass the shell check', () => {
    expect(printRoute({ choice: 'pdf', fullIds: false })).toBe('/print/report');
    expect(printRoute({ choice: 'pdf', asOf: 3, fullIds: true })).toBe('/print/report?asOf=3&fullIds=1');
    expect(printRoute({ choice: 'pdf', asOf: '2026-12-01', fullIds: false }, true)).toBe('/print/report?asOf=2026-12-01&print=1');
    for (const r of [printRoute({ choice: 'pdf', fullIds: false }), printRoute({ choice: 'pdf', asOf: '2026-12-01', fullIds: true })]) expect(isPrintRoute(r), r).toBe(true);
  });

  it('suggested names are file names the save dialog accepts, with the right extension', () => {
    const model = { date: '2026-12-04' } as Parameters<typeof suggestedName>[1];
    for (const c of CHOICES) {
      const name = suggestedName(c.key, model);
      const kind = c.key === 'docx' || c.key === 'pdf' || c.key === 'csv' ? c.key : 'xlsx';
      expect(name.endsWith(`.${kind}`), name).toBe(true);
      const check = c.key === 'pdf' ? validateShellRequest('printToPdf', { route: '/print/report', suggestedName: name }) : validateShellRequest('chooseSavePath', { suggestedName: name, kind });
      expect(check.ok, name).toBe(true);
    }
    expect(suggestedName('template', model)).toBe('换届名单填报模板.xlsx');
    expect(suggestedName('xlsx', model)).toBe('“两进一有”情况汇总表（2026-12-04）.xlsx');
  });
});
