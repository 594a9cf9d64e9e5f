/**
 * The runtime configuration, read once from the environment by both the Electron shell (main/app.ts) and
 * the browser host (host/main.ts) — the one place that parses KIOSK_* variables (contracts §3, §4):
 *
 * - KIOSK_DATA_DIR (SQLite file and logs; default: the platform's app-data folder), KIOSK_NOW (where the
 *   clinic clock starts), KIOSK_ONSHI_DIR (the 資格確認端末 folder; unset: the embedded simulator);
 * - KIOSK_PORT (browser host; default 5180, 0 = any free port), KIOSK_RENDERER_DIR (browser host: serve the
 *   renderer from another build folder; development only);
 * - KIOSK_ID, KIOSK_STAFF_WINDOW (Electron: this machine's kiosk id; auto | always | never);
 * - KIOSK_PRINTER (受付票 printer: tcp://HOST:PORT or a device path), KIOSK_ORCA_URL / KIOSK_ORCA_USER /
 *   KIOSK_ORCA_PASSWORD (the ORCA API base URL and its HTTP Basic credentials) — parsed and checked here for
 *   the device and レセコン features to use;
 * - KIOSK_BIND (expose the browser host on the clinic LAN at this address over TLS, overriding the admin
 *   setting; `off` = loopback only), KIOSK_LAN_PORT (default 5443), KIOSK_LAN_NAMES (extra host names,
 *   comma-separated), KIOSK_TLS_CERT / KIOSK_TLS_KEY (the clinic's own certificate and key, PEM files).
 *
 * Values are trimmed; empty means unset. A malformed optional value falls back with a warning; a value
 * that cannot be honoured safely (a port that is not a port, a printer or ORCA URL that does not parse) is
 * an error the caller reports before starting. Secrets are never put into warnings or errors.
 */
import path from 'node:path';
import { ID_PATTERN } from '../shared/api/bridge';
import { checkExposure, type Exposure } from './core/staff-accounts/exposure';

export type StaffWindowMode = 'auto' | 'always' | 'never';

export type PrinterTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };

export interface OrcaConfig {
  /** Base URL, e.g. http://orca.local:8000 (no trailing slash). */
  url: string;
  user?: string;
  password?: string;
  /** WebORCA: KIOSK_ORCA_CERT (a PKCS#12 file) and KIOSK_ORCA_CERT_PASSWORD. */
  clientCertPath?: string;
  clientCertPassword?: string;
}

export interface RuntimeConfig {
  dataDir: string;
  now?: string;
  onshiDir?: string;
  /** Browser host port. */
  port: number;
  /** Browser host: the built renderer to serve (default: next to the host bundle). */
  rendererDir?: string;
  kioskId: string;
  staffWindow: StaffWindowMode;
  printer?: PrinterTarget;
  orca?: OrcaConfig;
  /** From KIOSK_BIND: expose on the LAN ('off': loopback only whatever the admin setting says). */
  lan?: Exposure | 'off';
  /** KIOSK_TLS_CERT / KIOSK_TLS_KEY. */
  tls?: { certFile: string; keyFile: string };
}

export const DEFAULT_PORT = 5180;
export const DEFAULT_KIOSK_ID = 'kiosk-1';

const value = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function parsePort(raw: string): number | undefined {
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 65535 ? n : undefined;
}

export function parsePrinter(raw: string): PrinterTarget | undefined {
  if (raw.startsWith('tcp://')) {
    const m = /^tcp:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]{2,39}\]):(\d{1,5})$/.exec(raw);
    const port = m ? parsePort(m[2]!) : undefined;
    return m && port ? { kind: 'tcp', host: m[1]!, port } : undefined;
  }
  if (raw.includes('://') || raw.includes('\0')) return undefined;
  return { kind: 'device', path: path.resolve(raw) };
}

export function parseOrcaUrl(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash)
    return undefined;
  return u.href.replace(/\/+$/, '');
}

export function readRuntimeConfig(
  env: NodeJS.ProcessEnv,
  defaults: { dataDir: string },
): { config: RuntimeConfig; warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];

  let kioskId = value(env.KIOSK_ID) ?? DEFAULT_KIOSK_ID;
  if (!ID_PATTERN.test(kioskId)) {
    warnings.push(`KIOSK_ID must be 1-64 letters, digits, '-' or '_'; using '${DEFAULT_KIOSK_ID}'`);
    kioskId = DEFAULT_KIOSK_ID;
  }
  let staffWindow: StaffWindowMode = 'auto';
  const mode = value(env.KIOSK_STAFF_WINDOW)?.toLowerCase();
  if (mode === 'always' || mode === 'never' || mode === 'auto') staffWindow = mode;
  else if (mode !== undefined) warnings.push(`KIOSK_STAFF_WINDOW must be auto, always or never; using 'auto'`);

  let port = DEFAULT_PORT;
  const rawPort = value(env.KIOSK_PORT);
  if (rawPort !== undefined) {
    const p = parsePort(rawPort);
    if (p === undefined) errors.push(`KIOSK_PORT is not a port (0-65535): ${rawPort.slice(0, 20)}`);
    else port = p;
  }

  let printer: PrinterTarget | undefined;
  const rawPrinter = value(env.KIOSK_PRINTER);
  if (rawPrinter !== undefined) {
    printer = parsePrinter(rawPrinter);
    if (!printer) errors.push('KIOSK_PRINTER must be tcp://HOST:PORT or a device path');
  }

  let orca: OrcaConfig | undefined;
  const rawOrca = value(env.KIOSK_ORCA_URL);
  const user = value(env.KIOSK_ORCA_USER);
  const password =
    env.KIOSK_ORCA_PASSWORD !== undefined && env.KIOSK_ORCA_PASSWORD !== '' ? env.KIOSK_ORCA_PASSWORD : undefined;
  if (rawOrca !== undefined) {
    const url = parseOrcaUrl(rawOrca);
    if (!url) errors.push('KIOSK_ORCA_URL must be an http(s) base URL without credentials, query or fragment');
    else {
      const cert = value(env.KIOSK_ORCA_CERT);
      const certPassword = env.KIOSK_ORCA_CERT_PASSWORD ? env.KIOSK_ORCA_CERT_PASSWORD : undefined;
      orca = {
        url,
        ...(user ? { user } : {}),
        ...(password ? { password } : {}),
        ...(cert ? { clientCertPath: path.resolve(cert) } : {}),
        ...(cert && certPassword ? { clientCertPassword: certPassword } : {}),
      };
    }
  } else if (user || password) {
    warnings.push('KIOSK_ORCA_USER / KIOSK_ORCA_PASSWORD are set without KIOSK_ORCA_URL; ignored');
  }

  let lan: Exposure | 'off' | undefined;
  const bind = value(env.KIOSK_BIND);
  if (bind === 'off' || bind === '127.0.0.1') lan = 'off';
  else if (bind !== undefined) {
    const names = (value(env.KIOSK_LAN_NAMES) ?? '').split(',').filter((n) => n.trim());
    const e = checkExposure({ bind, port: value(env.KIOSK_LAN_PORT), names });
    if (typeof e === 'string') errors.push(`KIOSK_BIND / KIOSK_LAN_PORT / KIOSK_LAN_NAMES: ${e}`);
    else lan = e;
  }
  let tls: { certFile: string; keyFile: string } | undefined;
  const certFile = value(env.KIOSK_TLS_CERT);
  const keyFile = value(env.KIOSK_TLS_KEY);
  if (certFile && keyFile) tls = { certFile: path.resolve(certFile), keyFile: path.resolve(keyFile) };
  else if (certFile || keyFile) errors.push('set both KIOSK_TLS_CERT and KIOSK_TLS_KEY');

  const onshiDir = value(env.KIOSK_ONSHI_DIR);
  const rendererDir = value(env.KIOSK_RENDERER_DIR);
  const now = value(env.KIOSK_NOW);
  return {
    config: {
      dataDir: path.resolve(value(env.KIOSK_DATA_DIR) ?? defaults.dataDir),
      port,
      kioskId,
      staffWindow,
      ...(now ? { now } : {}),
      ...(onshiDir ? { onshiDir: path.resolve(onshiDir) } : {}),
      ...(rendererDir ? { rendererDir: path.resolve(rendererDir) } : {}),
      ...(printer ? { printer } : {}),
      ...(orca ? { orca } : {}),
      ...(lan ? { lan } : {}),
      ...(tls ? { tls } : {}),
    },
    warnings,
    errors,
  };
}
