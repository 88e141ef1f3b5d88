// Uploads for the browser door of the import: a page cannot hand the backend a file path, so it sends
// the bytes, one file a request, and gets back a path in a temporary folder of this server that it then
// passes to previewImport like any other path. Limits: a size per file and a count per server; a file
// whose name is no spreadsheet's is refused (with a Chinese message naming it) and the others go on.

import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** What the reader can take: the spreadsheet formats, and the text and markup forms some software saves. */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xlsb', '.xls', '.et', '.ett', '.ods', '.csv', '.txt', '.xml', '.htm', '.html'];

export interface UploadLimits {
  /** Largest file accepted, in bytes (50 MiB by default). */
  maxFileBytes: number;
  /** Most files one server accepts (2,000 by default). */
  maxFiles: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxFileBytes: 50 * 1024 * 1024, maxFiles: 2000 };

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: 'bad-request' | 'too-large' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The last segment of a name the page sent, without control characters; '' when nothing is left. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  if (clean === '.' || clean === '..') return '';
  return clean.slice(0, 200);
}

export function isSpreadsheetName(name: string): boolean {
  return SPREADSHEET_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** What an upload is for: township workbooks (the default), a county's rule file, or a database backup to restore. */
export type UploadKind = 'spreadsheet' | 'rules' | 'backup';

const KINDS: Record<UploadKind, { extensions: string[]; refusal: (name: string) => string }> = {
  spreadsheet: { extensions: SPREADSHEET_EXTENSIONS, refusal: (n) => `“${n}”不是表格文件，未导入（可导入 .xlsx、.xls、.et、.ods、.csv 等表格）` },
  rules: { extensions: ['.json'], refusal: (n) => `“${n}”不是规则文件（应为 .json 文件）` },
  backup: { extensions: ['.sqlite', '.db', '.bak'], refusal: (n) => `“${n}”不是数据库备份文件（应为 .sqlite 文件）` },
};

export function uploadKind(raw: string | undefined): UploadKind {
  return raw === 'rules' || raw === 'backup' ? raw : 'spreadsheet';
}

/** Lets a request body run out unread, so that the page gets the answer rather than a reset connection. */
function drain(req: http.IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('close', resolve);
    req.on('error', resolve);
    req.resume();
  });
}

export class UploadArea {
  private dir: string | null = null;
  private count = 0;

  constructor(private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {}

  /** Receives one file's bytes; resolves to where it was stored. */
  async receive(req: http.IncomingMessage, rawName: string, kind: UploadKind = 'spreadsheet'): Promise<{ path: string; name: string; size: number }> {
    const name = safeFileName(rawName);
    if (!name) {
      await drain(req);
      throw new UploadRefused(400, 'bad-request', '上传的文件没有名称，请重新选择文件');
    }
    if (!KINDS[kind].extensions.includes(path.extname(name).toLowerCase())) {
      await drain(req);
      throw new UploadRefused(415, 'unsupported', KINDS[kind].refusal(name));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.limits.maxFileBytes) {
      await drain(req);
      throw new UploadRefused(413, 'too-large', `“${name}”太大（${mib(declared)}），超过单个文件 ${mib(this.limits.maxFileBytes)} 的上限，未导入`);
    }
    if (this.count >= this.limits.maxFiles) {
      await drain(req);
      throw new UploadRefused(413, 'too-large', `一次最多导入 ${this.limits.maxFiles} 个文件，“${name}”未导入；请分批导入，或重新启动后再试`);
    }
    this.count++;
    const folder = path.join(this.root(), String(this.count));
    fs.mkdirSync(folder);
    const target = path.join(folder, name);
    let size = 0;
    const max = this.limits.maxFileBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) done(new UploadRefused(413, 'too-large', `“${name}”太大，超过单个文件 ${mib(max)} 的上限，未导入`));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, fs.createWriteStream(target, { flags: 'wx' }));
    } catch (err) {
      fs.rmSync(folder, { recursive: true, force: true });
      if (err instanceof UploadRefused) {
        await drain(req);
        throw err;
      }
      throw new UploadRefused(400, 'bad-request', `“${name}”未能完整上传，请重试`);
    }
    return { path: target, name, size };
  }

  private root(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'quota-watch-upload-'));
    return this.dir;
  }

  /** Removes every uploaded file (the server is closing). */
  dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
