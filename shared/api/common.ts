// Pieces of the window–backend contract that every area uses: findings, imports as records, errors,
// results, and the schema helpers an area's requests are built from. Pure (no node:*).

import { z } from 'zod';
import type { FindingCode, Severity } from '../model.ts';

export interface FindingJson {
  severity: Severity;
  code: FindingCode;
  file: string;
  sheet: string | null;
  row: number | null;
  message: string;
  township?: string;
  village?: string;
}

/** A stored finding: where it is kept, so a view can link it to its import and village. */
export interface FindingRow extends FindingJson {
  id: number;
  importId: number;
  villageId: number | null;
}

export interface ImportInfo {
  id: number;
  importedAt: string; // ISO 8601
  ruleSet: string;
  persons: number;
  villages: number;
  files: Array<{ name: string; ok: boolean }>;
}

/** How a village's status moved with an import. */
export type ChangeKind = 'new' | 'nowCompliant' | 'noLongerCompliant' | 'statusChanged' | 'unchanged';

export const CHANGE_LABEL: Record<ChangeKind, string> = {
  new: '新报送',
  nowCompliant: '变为达标',
  noLongerCompliant: '不再达标',
  statusChanged: '状态变化',
  unchanged: '状态未变',
};

export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'nothing-to-undo'
  | 'preview-expired'
  | 'no-village-list'
  | 'db-corrupt'
  | 'db-readonly'
  | 'db-locked'
  | 'db-too-new'
  | 'db-foreign'
  | 'db-open-failed'
  | 'db-io'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string; // Chinese
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };


export const MAX_PATHS = 10_000;
export const MAX_PATH_LENGTH = 4096;
export const pathSchema = z.string().min(1).max(MAX_PATH_LENGTH);
export const idSchema = z.number().int().positive();
export const emptySchema = z.strictObject({});

/**
 * One area of the contract (imports, monitoring, layouts, exports, settings …): its operations' request
 * schemas, each operation's Chinese name (for error messages), and Chinese hints for its fields.
 * shared/api.ts joins the areas into the one contract.
 */
export interface ContractArea<S extends Record<string, z.ZodType>> {
  schemas: S;
  labels: { [K in keyof S]: string };
  hints: Record<string, string>;
}
