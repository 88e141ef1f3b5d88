// Development and e2e entry: opens the Backend and serves the api.ts contract on 127.0.0.1.
//   node --import tsx electron/backend/serve.ts [--db PATH [--create]] [--port N] [--static DIR] [--json]
// Prints the page address with the token in its fragment (#token=…); with --json, one JSON line
// { url, pageUrl, port, token, db } for scripts. Stops on Ctrl+C (SIGINT) or SIGTERM.

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Backend } from './service.ts';
import { defaultDbPath } from './store/paths.ts';
import { startHttpServer, type HttpServerHandle } from './http.ts';
import { argsError } from '../args.ts';

const USAGE = `用法：node --import tsx electron/backend/serve.ts [--db 数据库文件 [--create]] [--port 端口] [--static 页面目录] [--json]

  --db      数据库文件（默认与应用相同：${defaultDbPath()}）；文件不存在时不会新建
  --create  在 --db 指定的位置新建数据库（所在文件夹须已存在）
  --port    端口（默认 0：自动选择空闲端口）；只在 127.0.0.1 上监听
  --static  同时提供该目录中的页面文件（如 out/renderer）
  --json    以一行 JSON 输出地址和令牌，便于脚本读取`;

export async function main(argv: string[]): Promise<number> {
  let values: { db?: string; create?: boolean; port?: string; static?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, create: { type: 'boolean' }, port: { type: 'string' }, static: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${argsError(err)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口应为 0 到 65535 之间的整数（现为 ${values.port}）\n`);
    return 2;
  }
  const db = values.db ?? defaultDbPath();
  let backend: Backend;
  try {
    // Like the CLI's reading commands: a --db that does not exist is a typo, not a new empty database.
    backend = Backend.open(db, values.db === undefined ? {} : values.create ? { create: 'file' } : { create: 'never' });
  } catch (err) {
    process.stderr.write(`无法打开数据库：${(err as Error).message}\n`);
    return 2;
  }
  let server: HttpServerHandle;
  try {
    server = await startHttpServer(backend, { port, staticDir: values.static });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    await backend.close();
    return 2;
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ url: server.url, pageUrl: server.pageUrl, port: server.port, token: server.token, db }) + '\n');
  } else {
    process.stdout.write(
      `Quota Watch 本机服务已启动（数据库：${db}）\n` +
        `在浏览器中打开：${server.pageUrl}\n` +
        `接口：POST ${server.url}api/操作名，请求头 Authorization: Bearer ${server.token}\n` +
        `按 Ctrl+C 停止\n`,
    );
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await backend.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`内部错误：${(err as Error)?.message ?? err}\n`);
      process.exitCode = 2;
    },
  );
}
