// What a sheet's name and titles say a list of persons is: representatives or the committees, one
// committee only, or a body that is no part of the two committees. Words from shared/vocabulary.

import type { Committee } from '../model.ts';
import { normalizePlaceName } from '../text.ts';
import { LISTS_COMMITTEES, LISTS_REPRESENTATIVES, MEMBER_LIST, NAMES_BOTH, NON_MEMBER_LIST, PARTY_BODY, SUPERVISION_OVER_VILLAGERS, SUPERVISION_WORDS, VILLAGERS_BODY } from '../vocabulary/index.ts';

/** A text that says its list is of representatives or of the committees; null when it says both or neither. */
export function listSays(text: string): 'reps' | 'committees' | null {
  const reps = LISTS_REPRESENTATIVES.test(text);
  const committees = LISTS_COMMITTEES.test(text);
  return reps === committees ? null : reps ? 'reps' : 'committees';
}

/** The one committee a sheet name or title names ("村委会班子", "村党组织委员会"), else null (none, or both: 两委). */
export function committeeNamed(text: string): Committee | null {
  const t = normalizePlaceName(text);
  if (NAMES_BOTH.test(t)) return null;
  const party = PARTY_BODY.test(t);
  const villagers = VILLAGERS_BODY.test(t.replace(SUPERVISION_OVER_VILLAGERS, ''));
  return party === villagers ? null : party ? 'party' : 'villagers';
}

/**
 * A list of the supervision committee, reserve cadres or group leaders: nobody on it holds a seat on the two
 * committees by being listed there.
 */
export function namesNonMemberList(naming: string): boolean {
  return NON_MEMBER_LIST.test(naming) && !MEMBER_LIST.test(naming.replace(SUPERVISION_WORDS, ''));
}
