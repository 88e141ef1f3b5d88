// Words the reports print: each kind of finding, severities, and the compliance rate of a group. Pure.

import type { Figures } from './figures.ts';

// Each kind of finding and each severity in the users' words: the one list (shared/finding-kinds.ts).
export { FINDING_KIND, SEVERITY_LABEL } from '../finding-kinds.ts';

/** 达标率: compliant villages of those judged (every reported village, on the list or not); null when none is. */
export function complianceRate(f: Pick<Figures, 'compliant' | 'noncompliant' | 'incomplete'>): number | null {
  const judged = f.compliant + f.noncompliant + f.incomplete;
  return judged ? f.compliant / judged : null;
}
