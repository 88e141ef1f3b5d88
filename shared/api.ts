// The contract between the window (or a browser, or the CLI) and the backend: every operation, its
// request, its reply, and a runtime check of the request. Pure: no node:*, so the renderer imports it
// too. Replies are plain JSON data; ID numbers in replies are masked unless a request asks otherwise.
//
// The contract is made of areas (shared/api/*.ts), each with its operations' schemas, names and field
// hints; this file joins them. A new area is one file there and one line in AREAS and ApiReplies.

import { z } from 'zod';
import { importsArea, type ImportsReplies } from './api/imports.ts';
import { monitoringArea, type MonitoringReplies } from './api/monitoring.ts';
import { settingsArea, type SettingsReplies } from './api/settings.ts';

export * from './api/common.ts';
export * from './api/imports.ts';
export * from './api/monitoring.ts';
export * from './api/settings.ts';

// ================================================================ the areas, joined

export const REQUEST_SCHEMAS = {
  ...importsArea.schemas,
  ...monitoringArea.schemas,
  ...settingsArea.schemas,
} as const;

export interface ApiReplies extends ImportsReplies, MonitoringReplies, SettingsReplies {}

const OP_LABEL: Record<ApiOp, string> = { ...importsArea.labels, ...monitoringArea.labels, ...settingsArea.labels };
const FIELD_HINT: Record<string, string> = { ...importsArea.hints, ...monitoringArea.hints, ...settingsArea.hints };

export type ApiOp = keyof typeof REQUEST_SCHEMAS;
export const API_OPS = Object.keys(REQUEST_SCHEMAS) as ApiOp[];
export type ApiRequests = { [K in ApiOp]: z.output<(typeof REQUEST_SCHEMAS)[K]> };

// ================================================================ validation with Chinese messages

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : (out ? '.' : '') + String(seg);
  return out;
}

function hintFor(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && FIELD_HINT[seg]) return FIELD_HINT[seg];
  }
  return '格式不对';
}

function shortValue(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    if (s === undefined) return String(v);
    return s.length > 40 ? s.slice(0, 37) + '…' : s;
  } catch {
    return String(v);
  }
}

function issueText(iss: z.core.$ZodIssue): string {
  const where = pathText(iss.path);
  if (iss.code === 'unrecognized_keys') return `${where ? `${where} 中` : ''}含有无法识别的字段 ${iss.keys.map((k) => `"${k}"`).join('、')}`;
  if (iss.path.length === 0) return '应为一个对象（JSON）';
  const input = (iss as { input?: unknown }).input;
  const missing = iss.code === 'invalid_type' && input === undefined;
  return `${where} ${missing ? '缺失，' : ''}${hintFor(iss.path)}${!missing && input !== undefined ? `（现为 ${shortValue(input)}）` : ''}`;
}

export type Validated<Op extends ApiOp> = { ok: true; value: ApiRequests[Op] } | { ok: false; error: string };

/** Checks a request against its operation's schema. Never throws: a bad request gets a Chinese error. */
export function validateRequest<Op extends ApiOp>(op: Op, args: unknown): Validated<Op>;
export function validateRequest(op: string, args: unknown): { ok: true; value: unknown } | { ok: false; error: string };
export function validateRequest(op: string, args: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, op)) {
    return { ok: false, error: `未知的操作“${String(op).slice(0, 40)}”` };
  }
  const schema = REQUEST_SCHEMAS[op as ApiOp];
  const result = schema.safeParse(args === undefined ? {} : args, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const texts = [...new Set(result.error.issues.map(issueText))].slice(0, 5);
  return { ok: false, error: `“${OP_LABEL[op as ApiOp]}”请求的参数有误：${texts.join('；')}` };
}
