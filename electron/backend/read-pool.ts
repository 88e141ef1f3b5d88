// Reads files in worker threads: never blocks the caller, and a file that runs away with time or
// memory is stopped and reported while the other files go on.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failedRead, type FileRead } from '../../shared/reading/result.ts';
import type { ReadOptions } from '../../shared/reading/read.ts';
import { unpackRead, type PackedRead } from '../../shared/reading/pack.ts';
import type { ReadRequest } from './read-worker.ts';
import { builtWorkerPath, bundledWorker } from './worker-bundle.ts';

export interface ReadProgress {
  done: number;
  total: number;
  file: string;
  /** Of the file just read: */
  sheets: number;
  villages: number;
  rows: number;
}

export interface PoolOptions {
  concurrency?: number;
  /** Time allowed for one file: a base plus an allowance per MiB of file. */
  baseTimeoutMs?: number;
  timeoutMsPerMiB?: number;
  /** Heap a worker may use before it is stopped. */
  maxHeapMb?: number;
  maxFileBytes?: number;
  readOptions?: ReadOptions;
  onProgress?: (p: ReadProgress) => void;
}

// fileURLToPath, not URL.pathname: an install path with spaces, Chinese or a Windows drive must stay a path.
const here = path.dirname(fileURLToPath(import.meta.url));

const BOOT_TIMEOUT_MS = 60_000;

/** Heap a reader worker may use before it is stopped, MiB. */
export const DEFAULT_MAX_HEAP_MB = 640;

/** Resolves once the worker has loaded its code; rejects if it dies or hangs first. */
function whenReady(w: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const onMessage = (m: { ready?: boolean }) => m?.ready && done();
    const onError = (err: Error) => done(err);
    const onExit = () => done(new Error('读取进程未能启动'));
    const timer = setTimeout(() => done(new Error('读取进程启动超时')), BOOT_TIMEOUT_MS);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
  });
}

async function spawnWorker(maxHeapMb: number): Promise<Worker> {
  // A small young generation: the same speed here, and ~20–50 MiB less peak memory than larger ones.
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 16 };
  // Built (out/main/main.js): the worker bundled at build time beside it (in app.asar.unpacked when packaged).
  if (!import.meta.url.endsWith('.ts')) return new Worker(builtWorkerPath(here), { resourceLimits });
  const bundled = await bundledWorker();
  if (bundled) return new Worker(bundled, { resourceLimits });
  const entry = new URL('./read-worker.ts', import.meta.url).href;
  return new Worker(path.join(here, 'worker-boot.mjs'), { workerData: { entry }, resourceLimits });
}

interface Job {
  index: number;
  path: string;
  name: string;
  size: number;
}

/** Reads every file; results come back in the order of `files`. */
export async function readFiles(files: ReadonlyArray<{ path: string; name?: string; size?: number }>, options: PoolOptions = {}): Promise<FileRead[]> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? Math.min(2, os.availableParallelism?.() ?? 2), files.length));
  // The reader's heap, as a backstop to the estimates that refuse a file before reading it
  // (shared/reading/budget.ts): with the worker's external memory (the file, its unzipped parts, at most
  // ReadLimits.memoryBudgetBytes together) and the caller's own, the process stays within about 1 GiB.
  // A 1,000,000-person roster needs ~480 MiB of it.
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  const baseTimeout = options.baseTimeoutMs ?? 30_000;
  const perMiB = options.timeoutMsPerMiB ?? 20_000;
  const maxFileBytes = options.maxFileBytes ?? 300 * 1024 * 1024;
  const results: FileRead[] = new Array(files.length);
  const sizeOf = (p: string) => {
    try {
      return fs.statSync(p).size;
    } catch {
      return 0;
    }
  };
  const queue: Job[] = files.map((f, index) => ({ index, path: f.path, name: f.name ?? path.basename(f.path), size: f.size ?? sizeOf(f.path) }));
  let done = 0;
  let nextId = 1;

  const finish = (job: Job, result: FileRead) => {
    results[job.index] = result;
    done++;
    options.onProgress?.({
      done,
      total: files.length,
      file: job.name,
      sheets: result.report.sheets.length,
      villages: result.inputs.length,
      rows: result.report.sheets.reduce((n, s) => n + s.dataRows, 0),
    });
  };

  const lane = async (): Promise<void> => {
    let worker: Worker | null = null;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        if (!worker) {
          const fresh = await spawnWorker(maxHeapMb);
          try {
            await whenReady(fresh);
          } catch (err) {
            void fresh.terminate();
            const outOfMemory = (err as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
            finish(
              job,
              outOfMemory
                ? failedRead(job.name, 'too-large', `无法启动读取进程：所需内存超过上限（${maxHeapMb} MB），未读取`)
                : failedRead(job.name, 'corrupt', `无法启动读取进程：${(err as Error).message}`),
            );
            continue;
          }
          worker = fresh;
        }
        const w = worker;
        const id = nextId++;
        const timeoutMs = baseTimeout + perMiB * Math.ceil(job.size / 1048576);
        const outcome = await new Promise<{ result: FileRead | PackedRead; workerLost: boolean }>((resolve) => {
          const cleanup = () => {
            clearTimeout(timer);
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
          };
          const lost = (message: string) => {
            cleanup();
            resolve({ result: failedRead(job.name, 'too-large', message), workerLost: true });
          };
          const timer = setTimeout(() => lost(`读取超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已中止（文件可能过大或结构异常）`), timeoutMs);
          const onMessage = (m: { id: number; packed: PackedRead }) => {
            if (m.id !== id) return;
            cleanup();
            resolve({ result: m.packed, workerLost: false });
          };
          const onError = (err: Error & { code?: string }) =>
            lost(
              err?.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? `读取时所需内存超过上限（${maxHeapMb} MB），已中止（文件可能过大或结构异常）`
                : `读取时出错，已中止：${String(err?.message ?? err).slice(0, 100)}`,
            );
          const onExit = () => lost('读取进程意外退出，已中止');
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          const req: ReadRequest = { id, path: job.path, name: job.name, options: options.readOptions ?? {}, maxFileBytes };
          w.postMessage(req);
        });
        if (outcome.workerLost) {
          void w.terminate();
          worker = null;
          finish(job, outcome.result as FileRead);
          continue;
        }
        // One worker per file. SheetJS keeps state between reads (a damaged file was seen to change how a
        // later, sound file read, and to slow it from milliseconds to minutes), so no file is read after
        // another in the same worker. And the worker's heap still holds the workbook it read: it goes
        // before the rows are rebuilt here, so the two never add up.
        await w.terminate();
        worker = null;
        finish(job, unpackRead(outcome.result as PackedRead));
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return results;
}
