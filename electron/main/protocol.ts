/**
 * The `app://kiosk/` protocol: serves the built renderer (dist/renderer) to the windows, with a
 * path-traversal guard and the strict Content-Security-Policy as a response header. A custom protocol
 * rather than file:// gives the pages a real origin for 'self' in the CSP and keeps file:// out entirely.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { APP_HOST, APP_SCHEME } from './security';

export { CONTENT_SECURITY_POLICY };

/** `standard` gives the scheme real origins and relative URLs; `secure` makes it a secure context. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before `app` is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPath =
  | { ok: true; relative: string } // a path relative to the root, '/'-separated, never escaping it
  | { ok: false; status: 400 | 403 | 404 };

/**
 * Turns a request URL into a path under the root, or refuses. Decodes first, then refuses anything that
 * could step outside (dot-dot segments, backslashes, NUL, drive letters or alternate data streams with
 * ':'), then normalises and checks once more that the result stays under the root.
 */
export function resolveAppPath(root: string, requestUrl: string): AppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port || url.username || url.password) {
    return { ok: false, status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\\:\u0000-\u001f\u007f]/.test(decoded)) return { ok: false, status: 403 };
  if (decoded.split('/').some((segment) => segment === '..')) return { ok: false, status: 403 };
  const relative = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const back = path.relative(path.resolve(root), full);
  if (back.startsWith('..') || path.isAbsolute(back)) return { ok: false, status: 403 };
  return { ok: true, relative };
}

const isInside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

async function statFile(file: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await fs.stat(file);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

export interface AppProtocolOptions {
  /** dist/renderer: holds index.html and assets/. */
  root: string;
}

/**
 * The `protocol.handle('app', ...)` handler. `/` and every extension-less path that is not a file (the
 * SPA's routes: /staff, /admin/settings, ...) get index.html; a missing file with an extension is a 404,
 * so a broken asset reference fails loudly instead of parsing HTML as JavaScript.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = path.resolve(options.root);
  let realRoot: string | undefined;

  const headers = (contentType: string, extra: Record<string, string> = {}) => ({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...extra,
  });
  const fail = (status: number) =>
    new Response(status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Forbidden', {
      status,
      headers: headers('text/plain; charset=utf-8'),
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return fail(resolved.status);

    let file = path.join(root, resolved.relative);
    const kind = await statFile(file);
    if (kind !== 'file') {
      const last = resolved.relative.split('/').pop() ?? '';
      if (kind !== 'dir' && path.extname(last) !== '') return fail(404);
      file = path.join(root, 'index.html');
    }
    try {
      // A symlink inside dist/renderer must not lead outside it either.
      realRoot ??= await fs.realpath(root);
      const real = await fs.realpath(file);
      if (!isInside(realRoot, real)) return fail(403);
      const body = await fs.readFile(real);
      const isHtml = path.extname(real).toLowerCase() === '.html';
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: headers(contentTypeFor(real), isHtml ? { 'Cache-Control': 'no-cache' } : {}),
      });
    } catch {
      return fail(404);
    }
  };
}
