// What a failing part still lacks, in words a township can act on ("还差1名女性村民代表"), from the
// rule part's definition and the village's counts. Where the counts cannot say how many, the sentence
// says what is required instead of a number. Pure.

import type { Counts } from '../model.ts';
import type { RulePart } from '../rules/ruleset.ts';

const COMMITTEE_WORD = { party: '村党组织委员会', villagers: '村（居）民委员会' } as const;

function committeesWord(list: ReadonlyArray<'party' | 'villagers'>): string {
  return list.length === 2 ? '村“两委”班子' : COMMITTEE_WORD[list[0]];
}

/** The smallest k with num * total <= den * (women + k): women needed, the total unchanged. */
export function womenShort(women: number, total: number, num: number, den: number): number {
  return Math.max(0, Math.ceil((num * total) / den) - women);
}

export function missingOf(part: RulePart | undefined, counts: Counts): string {
  if (!part) return '';
  switch (part.kind) {
    case 'womanOnCommittees':
      return part.each && part.committees.length > 1 ? '村党组织委员会和村（居）民委员会各需至少1名女性' : `还差1名女性进入${committeesWord(part.committees)}`;
    case 'chairOnCommittees':
      return `村妇联主席尚需进入${committeesWord(part.committees)}`;
    case 'womenShare': {
      const { numerator: n, denominator: d } = part.threshold;
      const share = n === 1 && d === 3 ? '三分之一' : `${n}/${d}`;
      const only = part.population.length === 1 ? part.population[0] : null;
      let women: number | null = null;
      let total: number | null = null;
      let who = '';
      if (only === 'representatives') [women, total, who] = [counts.womenRepresentatives, counts.representatives, '女性村民代表'];
      else if (only === 'committees') [women, total, who] = [counts.committeeMembers === null ? null : counts.committeeWomen, counts.committeeMembers, '女性两委成员'];
      if (women !== null && total !== null && total > 0) {
        const k = womenShort(women, total, n, d);
        if (k > 0) return `还差${k}名${who}（现${total}人中女性${women}名，需达${Math.ceil((n * total) / d)}名）`;
      }
      return `女性需占${share}以上`;
    }
  }
}
