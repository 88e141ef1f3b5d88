// Runs in a worker thread: reads one file at a time, so that a hostile file can be stopped (time)
// and bounded (memory) without taking the caller down.

import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { readFile, failedRead, type ReadOptions } from '../../shared/reading/read.ts';

export interface ReadRequest {
  id: number;
  path: string;
  name: string;
  options: ReadOptions;
  maxFileBytes: number;
}

// SheetJS reports oddities of malformed files on the console; the reader reports what matters itself.
console.error = () => {};
console.warn = () => {};
console.log = () => {};

parentPort!.on('message', (job: ReadRequest) => {
  let result;
  try {
    const size = fs.statSync(job.path).size;
    if (size > job.maxFileBytes) {
      result = failedRead(job.name, 'too-large', `文件有 ${Math.round(size / 1048576)} MB，超过上限 ${Math.round(job.maxFileBytes / 1048576)} MB，未读取`);
    } else {
      const buf = fs.readFileSync(job.path);
      result = readFile(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), job.name, job.options);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    const message =
      code === 'EACCES' || code === 'EPERM'
        ? '没有读取该文件的权限'
        : code === 'ENOENT'
          ? '找不到该文件'
          : code === 'EISDIR'
            ? '这是文件夹，不是文件'
            : `读取时出错：${String((err as Error)?.message ?? err).slice(0, 100)}`;
    result = failedRead(job.name, 'corrupt', message);
  }
  parentPort!.postMessage({ id: job.id, result });
});

// Loaded and listening: the pool starts a file's clock only now, so start-up is not charged to the file.
parentPort!.postMessage({ ready: true });
