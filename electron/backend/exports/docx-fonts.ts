// The official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) are missing on many machines. Word and
// WPS take a font's substitute from the font table's altName, so each is declared there with its fallback
// (仿宋 / FangSong, 黑体 / SimHei, 楷体 / KaiTi, 宋体 / SimSun). The `docx` package writes no font table
// entries, so they are added to the finished file.

import * as XLSX from 'xlsx';

/** Font → its fallback, as GB/T 9704 documents are usually set on machines without the official fonts. */
export const FONT_FALLBACKS: ReadonlyArray<[string, string, 'roman' | 'modern']> = [
  ['方正小标宋简体', '宋体', 'roman'],
  ['仿宋_GB2312', '仿宋', 'modern'],
  ['楷体_GB2312', '楷体', 'modern'],
  ['黑体', 'SimHei', 'modern'],
  ['仿宋', 'FangSong', 'modern'],
  ['楷体', 'KaiTi', 'modern'],
  ['宋体', 'SimSun', 'roman'],
];

function fontEntry([name, alt, family]: (typeof FONT_FALLBACKS)[number]): string {
  return `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${family === 'modern' ? 'fixed' : 'variable'}"/></w:font>`;
}

export function withFontFallbacks(docx: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(docx, { type: 'buffer' });
  const i = cfb.FullPaths.findIndex((p: string) => p.endsWith('/word/fontTable.xml'));
  if (i < 0) throw new Error('内部错误：生成的 Word 文件缺少 word/fontTable.xml');
  const entry = cfb.FileIndex[i];
  const xml = new TextDecoder().decode(entry.content as Uint8Array);
  const fonts = FONT_FALLBACKS.map(fontEntry).join('');
  const patched = /<w:fonts([^>]*)\/>/u.test(xml) ? xml.replace(/<w:fonts([^>]*)\/>/u, `<w:fonts$1>${fonts}</w:fonts>`) : xml.replace('</w:fonts>', `${fonts}</w:fonts>`);
  entry.content = new TextEncoder().encode(patched) as unknown as typeof entry.content;
  entry.size = (entry.content as Uint8Array).length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip', compression: true }) as Uint8Array);
}
