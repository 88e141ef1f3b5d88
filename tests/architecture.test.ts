// The architecture keeps itself: shared/ is the pure domain, with no Node, Electron, React,
// database or DOM, so it runs the same in the window, the backend and the tests.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', 'shared');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

const FORBIDDEN_MODULE = /^node:|^(electron|react|react-dom|better-sqlite3|exceljs|docx)($|\/)|^(fs|path|os|child_process|worker_threads|crypto|url|util|stream|zlib|http|https|net)$/;
const DOM_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator|HTMLElement|XMLHttpRequest|fetch|process|require|Buffer|__dirname)\b\s*[.(]/;

export function violations(file: string, text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (FORBIDDEN_MODULE.test(spec)) out.push(`${file}: imports ${spec}`);
  }
  for (const line of code.split('\n')) {
    const dom = line.match(DOM_GLOBALS);
    if (dom && !/['"`].*\b(document|window)\b.*['"`]/.test(line)) out.push(`${file}: uses ${dom[1]}`);
  }
  return out;
}

describe('shared/ is pure', () => {
  it('no file imports node:*, electron, react, better-sqlite3 or uses the DOM or Node globals', () => {
    const found = sources(root).flatMap((f) => violations(path.relative(root, f), fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check itself catches each kind of violation', () => {
    expect(violations('a.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(violations('a.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(violations('a.ts', "import Database from 'better-sqlite3';")).toHaveLength(1);
    expect(violations('a.ts', "import React from 'react';")).toHaveLength(1);
    expect(violations('a.ts', "const m = await import('node:path');")).toHaveLength(1);
    expect(violations('a.ts', 'const el = document.createElement("div");')).toHaveLength(1);
    expect(violations('a.ts', 'const x = process.env.HOME;')).toHaveLength(1);
    expect(violations('a.ts', "import * as XLSX from 'xlsx';")).toEqual([]);
    expect(violations('a.ts', "import { z } from 'zod';")).toEqual([]);
  });
});
