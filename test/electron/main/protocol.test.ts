import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));

import { protocol } from '../mocks/electron';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
} from '../../../electron/main/protocol';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

let tmp: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
  root = path.join(tmp, 'dist', 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>受付</title><div id="root"></div>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("kiosk")');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  fs.writeFileSync(path.join(tmp, 'dist', 'secret.txt'), 'TOP SECRET');
  try {
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  } catch {
    // symlinks may be unavailable (Windows without privilege); the test below then checks nothing more
  }
  handler = createAppProtocolHandler({ root });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme with fetch support', () => {
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });
});

describe('app:// protocol handler', () => {
  it('serves index.html at the root with the strict CSP', async () => {
    const res = await get('app://kiosk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves assets with their content types', async () => {
    const js = await get('app://kiosk/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("kiosk")');
    expect((await get('app://kiosk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const font = await get('app://kiosk/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers the SPA routes with index.html', async () => {
    for (const url of [
      'app://kiosk/staff',
      'app://kiosk/admin',
      'app://kiosk/admin/online',
      'app://kiosk/staff?date=2026-11-23',
      'app://kiosk/assets',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toContain('<div id="root">');
      expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    }
  });

  it('404s a missing file that has an extension instead of sending HTML as script', async () => {
    const res = await get('app://kiosk/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it.each([
    'app://kiosk/../../etc/passwd',
    'app://kiosk/../secret.txt',
    'app://kiosk/%2e%2e/%2e%2e/secret.txt',
    'app://kiosk/%2E%2E/secret.txt',
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%2f..%2fsecret.txt',
    'app://kiosk/assets/..%2f..%2f..%2fsecret.txt',
    'app://kiosk/..%5c..%5csecret.txt',
    'app://kiosk/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/%252e%252e/secret.txt',
    'app://kiosk/index.html%00.js',
    'app://kiosk/C:%5cWindows%5cwin.ini',
    'app://kiosk/index.html::$DATA',
    'app://kiosk/%2fetc%2fpasswd',
  ])('never leaves the root: %s', async (url) => {
    const res = await get(url);
    const body = await res.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toMatch(/root:.*:0:0/);
    // Either refused outright, or normalised by the URL parser to a path inside the root.
    if (res.status === 200) expect(body).toContain('<div id="root">');
    else expect([400, 403, 404]).toContain(res.status);
  });

  it('refuses decoded dot-dot segments with 403', () => {
    expect(resolveAppPath(root, 'app://kiosk/..%2f..%2fsecret.txt')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://kiosk/a/..%5c..%5csecret.txt')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://kiosk/%00')).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath(root, 'app://kiosk/%E0%A4%A')).toEqual({ ok: false, status: 400 });
  });

  it('resolves ordinary paths relative to the root', () => {
    expect(resolveAppPath(root, 'app://kiosk/')).toEqual({ ok: true, relative: '' });
    expect(resolveAppPath(root, 'app://kiosk/assets/index-abc.js')).toEqual({
      ok: true,
      relative: 'assets/index-abc.js',
    });
    expect(resolveAppPath(root, 'app://kiosk//assets//x.js')).toEqual({ ok: true, relative: 'assets/x.js' });
    expect(resolveAppPath(root, 'app://kiosk/%E5%8F%97%E4%BB%98.png')).toEqual({ ok: true, relative: '受付.png' });
  });

  it('serves only the kiosk host', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://kiosk:8080/')).status).toBe(404);
  });

  it('does not follow a symlink out of the root', async () => {
    if (!fs.existsSync(path.join(root, 'assets', 'link.txt'))) return;
    const res = await get('app://kiosk/assets/link.txt');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://kiosk/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handler(new Request('app://kiosk/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
