// Worker bootstrap when running from TypeScript sources: load tsx, then the real worker module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
