// Writing an export safely: never over an existing file unless asked, under a temporary name renamed
// when complete (a crash never leaves half a report), and a Chinese message when the target is open in
// Excel or WPS (locked) or cannot be written.

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../context.ts';

function lockedMessage(target: string): string {
  return `无法写入“${path.basename(target)}”：文件可能正在 Excel 或 WPS 中打开，或该位置没有写入权限。请关闭该文件（或换一个位置）后重试。`;
}

/** Fails with a Chinese message when `target` exists and `force` is not set, or when Excel/WPS has it open. */
export function checkTarget(target: string, force: boolean): void {
  if (!path.isAbsolute(target)) throw new ApiFailure('bad-request', `保存位置应为完整路径：${target}`);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new ApiFailure('export-failed', `保存位置的文件夹不存在：${dir}`);
  // Excel and WPS keep "~$name.xlsx" beside a workbook they have open.
  if (fs.existsSync(path.join(dir, `~$${path.basename(target)}`))) throw new ApiFailure('target-locked', `“${path.basename(target)}”正在 Excel 或 WPS 中打开，请先关闭它再导出。`);
  if (fs.existsSync(target) && !force) {
    throw new ApiFailure('target-exists', `文件“${target}”已存在，未覆盖。如要替换，请确认覆盖（命令行加 --force）或换一个文件名。`);
  }
}

/** Writes `bytes` to `target` through a temporary file in the same folder and a rename. */
export function writeSafely(target: string, bytes: Uint8Array, force: boolean): void {
  checkTarget(target, force);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' || code === 'EROFS') throw new ApiFailure('target-locked', lockedMessage(target));
    if (code === 'ENOSPC') throw new ApiFailure('export-failed', `磁盘空间不足，“${path.basename(target)}”未能保存`);
    throw new ApiFailure('export-failed', `保存“${path.basename(target)}”时出错：${String((err as Error).message).slice(0, 120)}`);
  }
}
