// Pinyin initials of a name, for search ("qs" finds 青山村): each character of GB2312 level 1 by its
// initial (pinyin-initials-data.ts), letters and digits as they are (lower case), anything else left out.
// Pure (no node:*).

import { INITIALS } from './pinyin-initials-data.ts';

let table: Map<string, string> | null = null;

function initialOf(ch: string): string | undefined {
  if (!table) {
    table = new Map();
    for (const [initial, chars] of Object.entries(INITIALS)) for (const c of chars) table.set(c, initial);
  }
  return table.get(ch);
}

/** "青山村" → "qsc"; "A区3组" → "aq3z". */
export function pinyinInitials(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/^[0-9a-z]$/i.test(ch)) out += ch.toLowerCase();
    else out += initialOf(ch) ?? '';
  }
  return out;
}

/** Whether a search text is pinyin initials rather than a name: Latin letters only. */
export function isInitialsQuery(text: string): boolean {
  return /^[a-z]+$/i.test(text.trim());
}
