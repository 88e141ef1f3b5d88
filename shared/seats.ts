// The 职务 cell → seats on the two committees (两委), the chair, representatives and other posts.
// Pure: runs in Node and in the browser.
import type { Seat } from './model.ts';
import { DIRECTOR, PARTY_SECRETARY, POST_VOCABULARY, type Effect, type PostTable } from './vocabulary/posts.ts';
export interface PostParse {
  seats: Seat[];
  /** 村妇联主席 (also written 妇代会主任 / 妇女主任): a post, not a seat. */
  isChair: boolean;
  isRepresentative: boolean;
  /** Recognised posts that are no seat on the two committees, as written (监委会委员, 第一书记 …). */
  otherPosts: string[];
  /** Chunks nothing in the vocabulary explains, for "职务无法识别：…". */
  unrecognised: string[];
}

function buildLexicon(table: PostTable): { words: Map<string, Effect>; maxLength: number } {
  const words = new Map<string, Effect>();
  let maxLength = 1;
  for (const [list, effect] of table) {
    for (const word of list) {
      const prior = words.get(word);
      // A word listed twice with different meanings is a bug in the table; fail loudly at load.
      if (prior && JSON.stringify(prior) !== JSON.stringify(effect)) {
        throw new Error(`seats vocabulary: "${word}" has two meanings`);
      }
      words.set(word, effect);
      maxLength = Math.max(maxLength, word.length);
    }
  }
  return { words, maxLength };
}

const LEXICON = buildLexicon(POST_VOCABULARY);

// Traditional characters seen in post phrases (forms typed on a traditional-character input method).
const TRADITIONAL: Record<string, string> = {
  書: '书', 記: '记', 員: '员', 婦: '妇', 聯: '联', 會: '会', 黨: '党', 組: '组', 織: '织', 職: '职', 務: '务', 長: '长',
  區: '区', 兩: '两', 幹: '干', 計: '计', 監: '监', 選: '选', 當: '当', 團: '团', 總: '总', 協: '协', 調: '调', 導: '导',
};
const TRADITIONAL_CHARS = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'gu');

function normalizePhrase(phrase: unknown): string {
  return (
    String(phrase ?? '')
      .normalize('NFKC')
      .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/gu, '')
      .replace(TRADITIONAL_CHARS, (c) => TRADITIONAL[c])
      // 付 for 副, a common slip of the input method: 付书记, 付主任.
      .replace(/付(?=书记|主任|村长|组长|主席|社长)/gu, '副')
  );
}

function longestMatch(s: string, at: number): { word: string; effect: Effect } | null {
  for (let len = Math.min(LEXICON.maxLength, s.length - at); len > 0; len--) {
    const word = s.slice(at, at + len);
    const effect = LEXICON.words.get(word);
    if (effect) return { word, effect };
  }
  return null;
}

function pushUnique<T>(list: T[], item: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
  if (!list.some((x) => same(x, item))) list.push(item);
}

const sameSeat = (a: Seat, b: Seat): boolean => a.committee === b.committee && a.role === b.role;

/**
 * Reads one 职务 cell: "书记、主任", "党支部书记村委会主任", "委员(妇联主席)" …
 *
 * The phrase is cut into tokens at separators; each token is scanned with the longest vocabulary entry first.
 * A token with any text the vocabulary does not explain is reported whole as unrecognised and gives no seat:
 * "治保主任" must not turn into 主任 just because it ends with it.
 */
export function parsePost(phrase: string): PostParse {
  const result: PostParse = { seats: [], isChair: false, isRepresentative: false, otherPosts: [], unrecognised: [] };
  const s = normalizePhrase(phrase);
  let oneShoulder = false;

  let tokenStart = 0;
  let matches: Array<{ word: string; effect: Effect }> = [];
  let leftover = false;

  const endToken = (end: number): void => {
    if (leftover) {
      pushUnique(result.unrecognised, s.slice(tokenStart, end));
    } else {
      for (const { word, effect } of matches) {
        switch (effect.kind) {
          case 'seats':
            for (const seat of effect.seats) pushUnique(result.seats, { ...seat }, sameSeat);
            break;
          case 'chair':
            result.isChair = true;
            break;
          case 'representative':
            result.isRepresentative = true;
            break;
          case 'other':
            pushUnique(result.otherPosts, word);
            break;
          case 'oneShoulder':
            oneShoulder = true;
            break;
          case 'filler':
          case 'separator':
            break;
        }
      }
    }
    matches = [];
    leftover = false;
  };

  let i = 0;
  while (i < s.length) {
    const m = longestMatch(s, i);
    if (m?.effect.kind === 'separator') {
      endToken(i);
      i += m.word.length;
      tokenStart = i;
    } else if (m) {
      matches.push(m);
      i += m.word.length;
    } else {
      leftover = true;
      i += 1;
    }
  }
  endToken(s.length);

  // 一肩挑 means 书记 and 主任 are one person; add whichever the phrase did not already name.
  if (oneShoulder) {
    pushUnique(result.seats, { ...PARTY_SECRETARY }, sameSeat);
    pushUnique(result.seats, { ...DIRECTOR }, sameSeat);
  }
  return result;
}

const SEAT_LABELS: Record<string, string> = {
  'party/secretary': '村党组织书记',
  'party/deputySecretary': '村党组织副书记',
  'party/member': '村党组织委员',
  'villagers/director': '村（居）委会主任',
  'villagers/deputyDirector': '村（居）委会副主任',
  'villagers/member': '村（居）委会委员',
  'either/member': '两委委员（未写明哪个委员会）',
};

/** A seat in Chinese words, for reasons and reports. */
export function seatLabel(seat: Seat): string {
  return SEAT_LABELS[`${seat.committee}/${seat.role}`] ?? `${seat.committee}/${seat.role}`;
}
