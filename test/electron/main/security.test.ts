import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import type { Role } from '../../../shared/api/index';

vi.mock('electron', () => import('../mocks/electron'));

import { FakeWebContents, resetElectronMock, session } from '../mocks/electron';
import {
  denyAllPermissions,
  hardenWebContents,
  isAllowedAppUrl,
  isAllowedNavigation,
  isBlockedKey,
  sectionOf,
} from '../../../electron/main/security';

beforeEach(() => resetElectronMock());

describe('isAllowedAppUrl', () => {
  it.each([
    'app://kiosk',
    'app://kiosk/',
    'app://kiosk/staff',
    'app://kiosk/admin/settings',
    'app://kiosk/assets/index-3f9a.js',
    'app://kiosk/?lang=en',
    'app://kiosk/staff#queue',
    'app://kiosk/fonts/biz-udgothic.woff2',
  ])('allows %s', (url) => {
    expect(isAllowedAppUrl(url)).toBe(true);
  });

  it.each([
    // other schemes
    ['http://localhost:5173/', 'dev server'],
    ['http://127.0.0.1/', 'loopback'],
    ['https://example.com/', 'internet'],
    ['file:///etc/passwd', 'file'],
    ['file:///C:/Windows/win.ini', 'file (windows)'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript, mixed case'],
    ['about:blank', 'about'],
    ['devtools://devtools/bundled/inspector.html', 'devtools'],
    ['chrome://settings', 'chrome'],
    ['blob:app://kiosk/1234', 'blob'],
    ['ws://127.0.0.1:8080/api', 'websocket'],
    // other hosts and spoofs
    ['app://other/', 'other host'],
    ['app://kiosk.evil.com/', 'host with a suffix'],
    ['app://kioskx/', 'similar host'],
    ['app://KIOSK/', 'upper-case host'],
    ['APP://kiosk/', 'upper-case scheme'],
    ['app://kiosk:8080/', 'port'],
    ['app://user@kiosk/', 'credentials'],
    ['app://user:pw@kiosk/', 'credentials with password'],
    ['app:kiosk/', 'no slashes'],
    ['app:///kiosk/', 'empty host'],
    ['app://evil.com\\@kiosk/', 'backslash trick'],
    // traversal, plain and encoded
    ['app://kiosk/../../etc/passwd', 'dot-dot'],
    ['app://kiosk/staff/../admin', 'dot-dot inside'],
    ['app://kiosk/./staff', 'dot segment'],
    ['app://kiosk/%2e%2e/%2e%2e/etc/passwd', 'encoded dot-dot'],
    ['app://kiosk/%2E%2E/secret', 'encoded dot-dot, upper case'],
    ['app://kiosk/.%2e/secret', 'half-encoded dot-dot'],
    ['app://kiosk/..%2f..%2fetc%2fpasswd', 'encoded slash'],
    ['app://kiosk/..%5c..%5cwin.ini', 'encoded backslash'],
    ['app://kiosk/a\\..\\..\\win.ini', 'backslashes'],
    ['app://kiosk/index.html%00.png', 'encoded NUL'],
    ['app://kiosk/\u0000', 'raw NUL'],
    ['app://kiosk/\nstaff', 'newline'],
    ['', 'empty'],
    [`app://kiosk/${'a'.repeat(3000)}`, 'too long'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://kiosk/'], new URL('app://kiosk/')]) {
      expect(isAllowedAppUrl(value)).toBe(false);
    }
  });
});

describe('sectionOf / isAllowedNavigation', () => {
  it('maps paths to the audience that owns them', () => {
    expect(sectionOf('/')).toBe('kiosk');
    expect(sectionOf('')).toBe('kiosk');
    expect(sectionOf('/staff')).toBe('staff');
    expect(sectionOf('/staff/queue')).toBe('staff');
    expect(sectionOf('/staffroom')).toBe('kiosk');
    expect(sectionOf('/admin')).toBe('admin');
    expect(sectionOf('/admin/online')).toBe('admin');
  });

  it('keeps each window within its own section of app://kiosk/', () => {
    const cases: [Role | undefined, string, boolean][] = [
      ['kiosk', 'app://kiosk/', true],
      ['kiosk', 'app://kiosk/done?n=12', true],
      ['kiosk', 'app://kiosk/staff', false],
      ['kiosk', 'app://kiosk/admin', false],
      ['staff', 'app://kiosk/staff', true],
      ['staff', 'app://kiosk/staff/history', true],
      ['staff', 'app://kiosk/', false],
      ['staff', 'app://kiosk/admin', false],
      ['admin', 'app://kiosk/admin', true],
      ['admin', 'https://example.com/admin', false],
      [undefined, 'app://kiosk/', false],
    ];
    for (const [role, url, allowed] of cases) expect(isAllowedNavigation(role, url), `${role} -> ${url}`).toBe(allowed);
  });
});

describe('isBlockedKey', () => {
  const key = (
    k: string,
    mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {},
    code = '',
  ) => ({
    key: k,
    code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });

  it.each([
    ['Ctrl+R (reload)', key('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', key('R', { control: true, shift: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['F5', key('F5', {}, 'F5')],
    ['Shift+F5', key('F5', { shift: true }, 'F5')],
    ['F11 (fullscreen)', key('F11', {}, 'F11')],
    ['F12 (devtools)', key('F12', {}, 'F12')],
    ['Ctrl+Shift+I (devtools)', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I (devtools, mac)', key('i', { meta: true, alt: true })],
    ['Ctrl+Shift+J (console)', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C (inspect)', key('C', { control: true, shift: true })],
    ['Ctrl+W (close)', key('w', { control: true })],
    ['Ctrl+F4 (close tab)', key('F4', { control: true }, 'F4')],
    ['Alt+F4 (close window)', key('F4', { alt: true }, 'F4')],
    ['Cmd+Q (quit)', key('q', { meta: true })],
    ['Ctrl+Q (quit)', key('q', { control: true })],
    ['Ctrl+= (zoom in)', key('=', { control: true })],
    ['Ctrl++ (zoom in)', key('+', { control: true, shift: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (reset zoom)', key('0', { control: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Ctrl+N (new window)', key('n', { control: true })],
    ['Ctrl+U (view source)', key('u', { control: true })],
    ['Ctrl+S (save page)', key('s', { control: true })],
    ['Alt+ArrowLeft (back)', key('ArrowLeft', { alt: true }, 'ArrowLeft')],
    ['Alt+ArrowRight (forward)', key('ArrowRight', { alt: true }, 'ArrowRight')],
    ['Alt+Space (window menu)', key(' ', { alt: true }, 'Space')],
    ['BrowserBack', key('BrowserBack', {}, 'BrowserBack')],
    ['BrowserRefresh', key('BrowserRefresh', {}, 'BrowserRefresh')],
  ])('blocks %s', (_name, input) => {
    expect(isBlockedKey(input)).toBe(true);
  });

  it.each([
    ['a letter', key('a')],
    ['a digit', key('7')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Tab (focus moves between buttons)', key('Tab')],
    ['Escape', key('Escape')],
    ['Shift+A', key('A', { shift: true })],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+V (paste)', key('v', { control: true })],
    ['Ctrl+A (select all)', key('a', { control: true })],
    ['Ctrl+Z (undo)', key('z', { control: true })],
    ['Ctrl+Shift+Z (redo)', key('Z', { control: true, shift: true })],
    ['a lone Ctrl press', key('Control', { control: true })],
    ['a lone Alt press', key('Alt', { alt: true })],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedKey(input)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function setup(role: Role | undefined) {
    const contents = new FakeWebContents();
    const openAdmin = vi.fn();
    const log = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { roleOf: () => role, openAdmin, log });
    return { contents, openAdmin, log };
  }

  it('lets a window navigate only inside its own section', () => {
    const { contents } = setup('kiosk');
    expect(contents.navigate('app://kiosk/')).toBe(true);
    expect(contents.navigate('app://kiosk/staff')).toBe(false);
    expect(contents.navigate('https://example.com/')).toBe(false);
    expect(contents.navigate('file:///etc/passwd')).toBe(false);
    expect(contents.navigate('http://localhost:5173/')).toBe(false);
  });

  it('refuses every navigation of a webContents with no role (one the app did not create)', () => {
    const { contents } = setup(undefined);
    expect(contents.navigate('app://kiosk/')).toBe(false);
  });

  it('refuses sub-frame navigations away from the app', () => {
    const { contents } = setup('kiosk');
    expect(contents.navigate('https://example.com/', false)).toBe(false);
    expect(contents.navigate('app://kiosk/', false)).toBe(true);
  });

  it('refuses redirects out of the app or the section', () => {
    const { contents } = setup('staff');
    expect(contents.redirect('https://example.com/')).toBe(false);
    expect(contents.redirect('app://kiosk/')).toBe(false);
    expect(contents.redirect('app://kiosk/staff/x')).toBe(true);
  });

  it('denies every new window', () => {
    const { contents, openAdmin } = setup('kiosk');
    for (const url of [
      'https://example.com/',
      'app://kiosk/',
      'app://kiosk/admin',
      'javascript:alert(1)',
      'about:blank',
    ]) {
      expect(contents.openWindow(url)).toBe('deny');
    }
    expect(openAdmin).not.toHaveBeenCalled();
  });

  it('turns a staff window asking for /admin into the admin window, still denying the popup', () => {
    const { contents, openAdmin } = setup('staff');
    expect(contents.openWindow('app://kiosk/admin')).toBe('deny');
    expect(openAdmin).toHaveBeenCalledTimes(1);
    expect(contents.navigate('app://kiosk/admin')).toBe(false);
    expect(openAdmin).toHaveBeenCalledTimes(2);
    expect(contents.openWindow('https://example.com/admin')).toBe('deny');
    expect(openAdmin).toHaveBeenCalledTimes(2);
  });

  it('refuses <webview> and strips what it asked for', () => {
    const { contents } = setup('kiosk');
    const prefs: Record<string, unknown> = { preload: '/tmp/evil.js', nodeIntegration: true, contextIsolation: false };
    expect(contents.attachWebview(prefs)).toBe(false);
    expect(prefs).toEqual({ nodeIntegration: false, contextIsolation: true });
  });

  it('filters keys in the kiosk window only', () => {
    const kiosk = setup('kiosk').contents;
    expect(kiosk.pressKey({ key: 'r', control: true })).toBe(false);
    expect(kiosk.pressKey({ key: 'F12', code: 'F12' })).toBe(false);
    expect(kiosk.pressKey({ key: '5' })).toBe(true);
    const staff = setup('staff').contents;
    expect(staff.pressKey({ key: 'r', control: true })).toBe(true);
  });

  it('undoes zoom in the kiosk window', () => {
    const { contents } = setup('kiosk');
    contents.emit('zoom-changed', {}, 'in');
    expect(contents.setZoomLevel).toHaveBeenCalledWith(0);
  });

  it('logs what it blocked', () => {
    const { contents, log } = setup('kiosk');
    contents.navigate('https://example.com/');
    expect(log).toHaveBeenCalledWith(
      'blocked',
      expect.objectContaining({ what: 'navigate', url: 'https://example.com/' }),
    );
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check, device access and downloads', async () => {
    const ses = session.defaultSession;
    denyAllPermissions(ses as unknown as Session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      await expect(ses.requestPermission(permission)).resolves.toBe(false);
      expect(ses.checkPermission(permission)).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'hid', origin: 'app://kiosk' })).toBe(false);
    const download = { defaultPrevented: false, preventDefault: vi.fn() };
    ses.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
