// Marks and short words filled into a cell: gender, yes/no (✓ 是 ●), a township's own verdict, and the
// words of a 是否村民代表 or 妇联主席是否进两委 cell. The parsers in shared/text.ts and the families read these.
import type { Gender } from '../model.ts';

/** A 性别 cell, keyed after NFKC, spaces removed and lower case. */
export const GENDER_WORDS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['女', 'female'],
  ['女性', 'female'],
  ['f', 'female'],
  ['female', 'female'],
  ['♀', 'female'],
  ['女士', 'female'],
  ['男', 'male'],
  ['男性', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['♂', 'male'],
]);

/** The national code of a 性别 column (GB/T 2261.1): 1 男, 2 女. */
export const GENDER_CODES: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['1', 'male'],
  ['2', 'female'],
]);

/** A 是/否 cell, keyed as GENDER_WORDS. */
export const YES_NO_WORDS: ReadonlyMap<string, boolean> = new Map<string, boolean>([
  ['是', true],
  ['y', true],
  ['yes', true],
  ['true', true],
  ['√', true],
  ['✓', true],
  ['✔', true],
  ['☑', true],
  ['●', true],
  ['★', true],
  ['◎', true],
  ['v', true],
  ['1', true],
  ['有', true],
  ['否', false],
  ['n', false],
  ['no', false],
  ['false', false],
  ['×', false],
  ['✗', false],
  ['✘', false],
  ['0', false],
  ['无', false],
]);

/** A township's own 是否达标 cell, spaces removed. */
export const VERDICT_NO = /^(未达标|不达标|没达标|未达到|没达到|不达到|否|未完成|不符合|×|✗|N|no)$/iu;
export const VERDICT_YES = /^(达标|已达标|达到|已达到|是|完成|已完成|符合|√|✓|✔|Y|yes)$/iu;

/** A 妇联主席是否进两委 cell: "否（任监委会主任）", "是（兼村委委员）": the word before the note decides. */
export const CHAIR_NOT_SEATED = /^(未进|没进|不进|未进入|没有进|未|否)/u;
export const CHAIR_SEATED = /^(已进|进入|已进入|进了|兼任|已|是)/u;

/** A 是否村民代表 cell beyond yes/no: a no word, else the word 代表 itself ("村民代表", "是（代表）"). */
export const REPRESENTATIVE_NO = /否|不是|非/u;
export const REPRESENTATIVE_YES = /代表|是/u;

/** Several post columns read as one phrase: a cell with only one of these holds no post. */
export const NO_POST_CELL = /^(无|\/|-|—)$/;

/** An election result cell: 当选 (or yes) and 未当选 / 落选 (or no). */
export const ELECTED_YES = /^(当选|已当选|选上|是|√|✓|✔)$/u;
export const ELECTED_NO = /^(未当选|没当选|落选|未选上|否|×|✗|✘)$/u;
