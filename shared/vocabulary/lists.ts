// What a sheet's name or title says its list is: representatives, the committees, one committee, or a
// body that is no part of the two committees (whose list is then not read as a village's).
import { BOTH_COMMITTEES, PARTY_BODY, SUPERVISION_OVER_VILLAGERS, VILLAGERS_BODY } from './bodies.ts';

/** A list of representatives. */
export const LISTS_REPRESENTATIVES = /代表/u;
/** A list of the committees. */
export const LISTS_COMMITTEES = /两委|班子|干部|支委|村委|职务|委员/u;
/** Names both committees, or joins two lists: names no one committee. */
export const NAMES_BOTH = new RegExp(`${BOTH_COMMITTEES.source}|班子成员及|及村|和村`, 'u');
export { PARTY_BODY, VILLAGERS_BODY, SUPERVISION_OVER_VILLAGERS };

/** A list of the supervision committee, reserve cadres or group leaders … */
export const NON_MEMBER_LIST = /监督委员会|监委会|监委|后备干部|村民小组长|小组长/u;
/** … unless it also names the two committees or the representatives (the supervision words taken out first). */
export const MEMBER_LIST = /两委|党组织|党支部|党总支|村委会|居委会|村民委员会|代表/u;
export const SUPERVISION_WORDS = /村务监督委员会|监督委员会|监委会/gu;
