// Packing a file's reading to cross threads loses nothing: the verdicts and findings after a real
// structured clone are those of the reading itself.

import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../shared/reading/read.ts';
import { packRead, unpackRead, type PackedRead } from '../../shared/reading/pack.ts';
import { judgeAll } from '../../shared/check.ts';
import { defaultRuleSet } from '../../shared/rules/builtin.ts';

const dir = path.join(__dirname, '..', 'fixtures');
const files = fs.readdirSync(dir).filter((f) => /\.(xlsx|xls|csv)$/.test(f));

describe.each(files)('%s', (file) => {
  it('reads back the same rows, parts, verdicts and findings', () => {
    const read = readFile(fs.readFileSync(path.join(dir, file)), file);
    const packed = packRead(read);
    const crossed = v8.deserialize(v8.serialize(packed)) as PackedRead;
    const back = unpackRead(crossed);
    expect(back.inputs).toEqual(read.inputs);
    expect(back.report).toEqual(read.report);
    const a = judgeAll(read.inputs, defaultRuleSet());
    const b = judgeAll(back.inputs, defaultRuleSet());
    expect(b.villages.map((v) => v.verdict)).toEqual(a.villages.map((v) => v.verdict));
    expect(b.findings).toEqual(a.findings);
  });
});

it('keeps rows shared between a village’s two parts shared, and text with a NUL readable', () => {
  const read = readFile(new TextEncoder().encode('乡镇,村,姓名,性别,职务,是否村民代表\n甲镇,一村,张三,男,书记,是\n'), 'a.csv');
  const part = read.inputs[0].parts[0];
  if (part.form !== 'roster') throw new Error('expected a roster');
  part.rows[0].postText = '书\u0000记'; // as a damaged .xls might hold it
  const back = unpackRead(v8.deserialize(v8.serialize(packRead(read))) as PackedRead);
  const [committees, representatives] = back.inputs[0].parts;
  if (committees.form !== 'roster' || representatives.form !== 'roster') throw new Error('expected rosters');
  expect(committees.rows).toBe(representatives.rows);
  expect(committees.rows[0].postText).toBe('书记');
  expect(committees.rows[0].name).toBe('张三');
});
