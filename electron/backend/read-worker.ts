// Runs in a worker thread: reads one file at a time, so that a hostile file can be stopped (time)
// and bounded (memory) without taking the caller down.

import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { readFile, failedRead, type ReadOptions } from '../../shared/reading/read.ts';
import { packRead } from '../../shared/reading/pack.ts';

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

// The parser leaves its XML text and buffers behind (as much again as the cells it keeps): collecting them
// before the rows are built keeps the worker's peak at the parser's own. gc is exposed for this thread only.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

parentPort!.on('message', (job: ReadRequest) => {
  let result;
  try {
    const size = fs.statSync(job.path).size;
    if (size > job.maxFileBytes) {
      result = failedRead(job.name, 'too-large', `文件有 ${Math.round(size / 1048576)} MB，超过上限 ${Math.round(job.maxFileBytes / 1048576)} MB，未读取`);
    } else {
      const buf = fs.readFileSync(job.path);
      result = readFile(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), job.name, { ...job.options, afterParse: collect });
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
  const packed = packRead(result);
  parentPort!.postMessage({ id: job.id, packed }, [packed.ints.buffer as ArrayBuffer]);
});

// Loaded and listening: the pool starts a file's clock only now, so start-up is not charged to the file.
parentPort!.postMessage({ ready: true });
