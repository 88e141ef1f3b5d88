// CSV bytes → rows of text. Our own parser, so that every cell stays the text the user typed
// (SheetJS would turn an 18-digit ID into a number and change its last digits).

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Detects the encoding: a BOM if there is one, else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  return { text, encoding };
}

/** Picks the delimiter that splits the first lines most consistently: comma, tab, semicolon or '|'. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '|']) {
    const counts = sample.map((l) => l.split(d).length - 1);
    const withIt = counts.filter((n) => n > 0).length;
    const score = withIt * 1000 + counts.reduce((a, b) => a + b, 0);
    if (withIt > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** RFC 4180 parsing with any line ending; quotes may hold delimiters and line breaks. */
/**
 * ="511025198812285924": how web systems export a long number as text so that Excel keeps every digit.
 * The value is the text inside.
 */
function unwrapFormulaText(field: string): string {
  return field.length >= 3 && field.charCodeAt(0) === 61 && field[1] === '"' && field.endsWith('"') && !field.slice(2, -1).includes('"') ? field.slice(2, -1) : field;
}

export function parseCsv(text: string, delimiter = detectDelimiter(text), maxRows = Infinity): { rows: string[][]; truncated: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Consume a run of ordinary characters at once: much faster than one by one.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (ch === delimiter) {
      row.push(unwrapFormulaText(field));
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(unwrapFormulaText(field));
      rows.push(row);
      if (rows.length >= maxRows) return { rows, truncated: true };
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(unwrapFormulaText(field));
    rows.push(row);
  }
  return { rows, truncated: false };
}
