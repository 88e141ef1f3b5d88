// The app's Content Security Policy, in one place: main.ts sets it as a response header, the renderer's
// index.html repeats it in a meta tag (for pages loaded from file://, where no header is involved), and
// tests/electron read it from here. Nothing leaves the machine: no source but the app's own.

/** The policy of the built app. Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a meta tag: browsers ignore frame-ancestors there (and warn), so it is left out. */
export const CSP_META = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** The development server's page: Vite's client needs inline scripts and its websocket. Never packaged. */
export const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:");

/** The meta tag itself, as index.html carries it. */
export const CSP_META_TAG = `<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`;

/**
 * A Vite plugin for the renderer's build: puts the meta tag into index.html unless the page already
 * carries exactly this policy, so the file:// page never goes without it or with a stale copy.
 */
export function cspMetaPlugin(): { name: string; apply: 'build'; transformIndexHtml: (html: string) => string } {
  return {
    name: 'quota-watch-csp-meta',
    apply: 'build',
    transformIndexHtml(html: string): string {
      const existing = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gi;
      const stripped = html.replace(existing, '');
      return stripped.replace(/<head([^>]*)>/i, (m) => `${m}\n    ${CSP_META_TAG}`);
    },
  };
}
