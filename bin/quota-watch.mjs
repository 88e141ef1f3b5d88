#!/usr/bin/env node
// The `quota-watch` command: runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

// A reader that stops early (`| head`) is no error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

register();
try {
  const { main } = await import('../electron/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // Never a stack trace for a user: one line, and the detail only when asked for.
  process.stderr.write(`quota-watch 内部错误：${err?.message ?? err}\n`);
  if (process.env.QUOTA_WATCH_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  process.exitCode = 2;
}
