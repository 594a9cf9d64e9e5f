/**
 * Kiosk lockdown in one place (the Actual Budget pattern): which URLs a window may be on, what happens to
 * navigations, redirects, popups and <webview>, which keys reach the page, and the permission policy.
 *
 * The pure parts (`isAllowedAppUrl`, `isAllowedNavigation`, `sectionOf`, `isBlockedKey`) carry the rules and
 * have their own tests; `hardenWebContents` and `denyAllPermissions` only wire them to Electron objects.
 */
import type { Input, Session, WebContents } from 'electron';
import type { Role } from '../../shared/api/index';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
/** Every page the app shows lives under this origin, served by the protocol handler from dist/renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MAX_URL_LENGTH = 2048;
// Percent-encoded dot, slash, backslash or NUL: the app never produces them, and they are how traversal
// attempts hide from a parser. Backslashes and control characters are refused for the same reason.
const ENCODED_TRICKS = /%(2e|2f|5c|00)/i;
// eslint-disable-next-line no-control-regex
const RAW_TRICKS = /[\\\u0000-\u001f\u007f]/;

/**
 * True only for `app://kiosk` and `app://kiosk/...` written in canonical form: lower-case scheme and
 * host, no port, no credentials, no dot segments (plain or encoded), no backslashes. Everything else —
 * other schemes (http, file, data, javascript, devtools), other hosts, traversal — is false.
 */
export function isAllowedAppUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  if (ENCODED_TRICKS.test(url) || RAW_TRICKS.test(url)) return false;
  if (url !== APP_ORIGIN && !url.startsWith(`${APP_ORIGIN}/`)) return false;
  const rawPath = url.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Which audience a path belongs to: `/staff...` is the staff console, `/admin...` the admin screen. */
export function sectionOf(pathname: string): Role {
  for (const role of ['staff', 'admin'] as const) {
    if (pathname === `/${role}` || pathname.startsWith(`/${role}/`)) return role;
  }
  return 'kiosk';
}

/** A window may navigate only within the app, and only within its own section: a kiosk never shows /staff. */
export function isAllowedNavigation(role: Role | undefined, url: unknown): boolean {
  if (!role || !isAllowedAppUrl(url)) return false;
  return sectionOf(new URL(url).pathname) === role;
}

type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph', 'OS']);
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
const BROWSER_KEYS = /^Browser(Back|Forward|Refresh|Stop|Search|Favorites|Home)$/;
const ALT_BLOCKED = new Set(['ArrowLeft', 'ArrowRight', 'Home', ' ', 'Space', 'Tab', 'Escape']);

/**
 * Keys the kiosk window swallows: every function key (F5 reload, F11 fullscreen, F12 devtools, Alt+F4
 * close, F7 caret browsing), browser keys, Alt+arrows (history) and Alt+Space (window menu), and every
 * Ctrl/Cmd combination except plain editing (select all, copy, paste, cut, undo, redo) — that covers
 * reload, devtools (Ctrl+Shift+I/J/C), close and quit (Ctrl+W/Q), new window, print, save, view source,
 * zoom (Ctrl +/-/0) and whatever a future Chromium adds. The OS may still act on Alt+F4 or Ctrl+Alt+Del
 * before Electron sees them; the window's close guard and the Shell Launcher cover those.
 */
export function isBlockedKey(input: KeyInput): boolean {
  const key = input.key ?? '';
  const code = input.code ?? '';
  if (MODIFIER_KEYS.has(key)) return false; // a lone Ctrl/Alt press is harmless; the combination decides
  if (/^F\d{1,2}$/.test(key) || /^F\d{1,2}$/.test(code)) return true;
  if (BROWSER_KEYS.test(key) || BROWSER_KEYS.test(code)) return true;
  if (input.control || input.meta) {
    const editing = input.control !== input.meta && !input.alt && EDITING_KEYS.has(key.toLowerCase());
    const shiftOk = !input.shift || key.toLowerCase() === 'z';
    return !(editing && shiftOk);
  }
  if (input.alt && (ALT_BLOCKED.has(key) || ALT_BLOCKED.has(code))) return true;
  return false;
}

export interface HardenOptions {
  /** The role the main process gave this webContents; undefined for contents it did not create. */
  roleOf: (contents: WebContents) => Role | undefined;
  /** A staff or admin window asked for /admin (link, window.open): open or focus the admin window. */
  openAdmin?: () => void;
  log?: (message: string, data?: Record<string, unknown>) => void;
}

/**
 * Applied to every webContents the app ever creates (from `app.on('web-contents-created')`), so a popup
 * or a webContents nobody registered gets the same denials. Role-specific rules (the key filter and
 * zoom lock for the kiosk) are looked up lazily because the registry learns the role after creation.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const log = options.log ?? (() => {});
  const refuse = (what: string, url: string) => log('blocked', { what, url: url.slice(0, 200) });

  const wantsAdmin = (url: string) => {
    const role = options.roleOf(contents);
    return (
      (role === 'staff' || role === 'admin') && isAllowedAppUrl(url) && sectionOf(new URL(url).pathname) === 'admin'
    );
  };

  contents.on('will-navigate', (event) => {
    const url = event.url;
    if (isAllowedNavigation(options.roleOf(contents), url)) return;
    event.preventDefault();
    if (wantsAdmin(url)) options.openAdmin?.();
    else refuse('navigate', url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // will-navigate decides for the main frame
    if (isAllowedAppUrl(event.url)) return;
    event.preventDefault();
    refuse('frame-navigate', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAllowedNavigation(options.roleOf(contents), event.url)) return;
    event.preventDefault();
    refuse('redirect', event.url);
  });
  contents.on('will-attach-webview', (event, webPreferences) => {
    // The app never uses <webview>; strip what a compromised page might have asked for, then refuse.
    delete webPreferences.preload;
    webPreferences.nodeIntegration = false;
    webPreferences.contextIsolation = true;
    event.preventDefault();
    refuse('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (wantsAdmin(url)) options.openAdmin?.();
    else refuse('window-open', url);
    return { action: 'deny' };
  });
  contents.on('before-input-event', (event, input) => {
    if (options.roleOf(contents) === 'kiosk' && isBlockedKey(input)) event.preventDefault();
  });
  contents.on('zoom-changed', () => {
    if (options.roleOf(contents) === 'kiosk') contents.setZoomLevel(0);
  });
}

/**
 * The kiosk needs no camera, microphone, geolocation, notifications, clipboard-read, HID/USB/serial from
 * the page, fullscreen API or downloads: refuse every request and answer every check with no.
 * (The card readers are opened by the core in the main process, never by the page.)
 */
export function denyAllPermissions(session: Session, log?: HardenOptions['log']): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log?.('blocked', { what: 'permission', permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    log?.('blocked', { what: 'download' });
    event.preventDefault();
  });
}
