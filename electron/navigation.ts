// Which URLs are the app's own page: the built index.html (any hash route), or, in development, the
// Vite dev server's origin. Everything else is refused: navigation, IPC from other frames.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPage {
  /** The built page, out/renderer/index.html. */
  indexHtml: string;
  /** The dev server's URL when running `electron-vite dev`, else undefined. */
  devUrl?: string;
}

/** True for the app's page itself (with any hash or query), false for any other URL or garbage. */
export function isAppUrl(page: AppPage, raw: string): boolean {
  try {
    const url = new URL(raw);
    if (page.devUrl) return url.origin === new URL(page.devUrl).origin;
    return url.protocol === 'file:' && url.host === '' && path.resolve(fileURLToPath(url)) === path.resolve(page.indexHtml);
  } catch {
    return false;
  }
}
