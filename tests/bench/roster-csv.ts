// The bench roster's rows (roster.ts) as CSV text, for the benchmarks of the CSV path.

import { rosterRows } from './roster.ts';

/** `persons` persons of the bench roster, the header first, as CSV (no field needs quoting). */
export function generateRosterCsvRows(persons: number, seed = 20260101): string {
  return rosterRows(persons, { seed }).rows.map((r) => r.join(',')).join('\n') + '\n';
}
