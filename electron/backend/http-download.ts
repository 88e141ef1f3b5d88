// GET /download/<downloadId>[/<file name>]: the browser door of an export. exportReport without a target
// writes into the backend's exports folder (electron/backend/exports) and answers a downloadId; the page
// fetches the file with its Bearer token and saves the blob. Each file is served once, then removed; the
// folder goes when it is empty. The Chinese file name travels in Content-Disposition (RFC 5987/6266).

import fs from 'node:fs';
import path from 'node:path';
import { downloadsDir } from './exports/index.ts';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const DOWNLOAD_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** `attachment` with an ASCII fallback name and the UTF-8 one (filename*), as browsers expect. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** The file a download path names (`<id>` alone when its folder holds one file), or null. Never outside the folder. */
export function findDownload(rest: string): string | null {
  const [rawId, rawName, ...more] = rest.split('/');
  if (more.length > 0 || !ID.test(rawId)) return null;
  const dir = path.join(downloadsDir(), rawId);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isFile());
  } catch {
    return null;
  }
  if (rawName === undefined || rawName === '') return names.length === 1 ? path.join(dir, names[0]) : null;
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    return null;
  }
  return names.includes(name) ? path.join(dir, name) : null;
}

/** Removes a served file, and its folder once empty. */
export function forgetDownload(file: string): void {
  fs.rmSync(file, { force: true });
  const dir = path.dirname(file);
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // already gone
  }
}
