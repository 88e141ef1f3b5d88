// THE registry of layout families: every family the reader knows, one line each. detect.ts scores each
// candidate table with every family here, and the best one reads it. A new family is one file and one line.

import type { Family, WorkbookFamily } from '../table.ts';
import { roster } from './roster.ts';
import { countTable } from './count-table.ts';
import { villageList } from './village-list.ts';
import { peopleInCells } from './people-in-cells.ts';
import { template } from './template.ts';

export const FAMILIES: readonly Family[] = [
  roster,
  countTable,
  villageList,
  peopleInCells,
];

/** Families of whole workbooks, tried before any sheet is read: the first that knows the workbook reads it. */
export const WORKBOOK_FAMILIES: readonly WorkbookFamily[] = [
  template,
];
