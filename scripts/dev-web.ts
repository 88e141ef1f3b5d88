// npm run dev:web [-- --db PATH] [--port N]: builds the renderer (Vite) and serves it with the real
// backend over the loopback HTTP transport. Prints ONE line: the address that opens the working app,
// with the access token in its fragment. Stops on Ctrl+C.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { rendererConfig } from '../electron.vite.config.ts';
import { argsError } from '../electron/args.ts';
import { startHttpServer } from '../electron/backend/http.ts';
import { Backend } from '../electron/backend/service.ts';
import { defaultDbPath } from '../electron/backend/store/paths.ts';

const USAGE = '用法：npm run dev:web [-- --db 数据库文件] [--port 端口] [--no-build]';

async function main(argv: string[]): Promise<number> {
  let values: { db?: string; port?: string; 'no-build'?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${argsError(err)}\n${USAGE}\n`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口应为 0 到 65535 之间的整数（现为 ${values.port}）\n`);
    return 2;
  }
  const outDir = rendererConfig.build!.outDir!;
  if (!values['no-build']) await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
  const db = path.resolve(values.db ?? defaultDbPath());
  let backend: Backend;
  try {
    backend = Backend.open(db);
  } catch (err) {
    process.stderr.write(`无法打开数据库（${db}）：${(err as Error).message}\n`);
    return 2;
  }
  const server = await startHttpServer(backend, { port, staticDir: outDir });
  process.stdout.write(`${server.pageUrl}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await backend.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`dev:web 启动失败：${(err as Error)?.message ?? err}\n`);
    process.exitCode = 2;
  },
);
