/**
 * The runtime configuration, read once from the environment by both the Electron shell (main/app.ts) and
 * the browser host (host/main.ts) — the one place that parses KIOSK_* variables (contracts §3, §4):
 *
 * - KIOSK_DATA_DIR (SQLite file and logs; default: the platform's app-data folder), KIOSK_NOW (where the
 *   clinic clock starts), KIOSK_ONSHI_DIR (the 資格確認端末 folder; unset: the embedded simulator);
 * - KIOSK_PORT (browser host; default 5180, 0 = any free port), KIOSK_RENDERER_DIR (browser host: serve the
 *   renderer from another build folder; development only);
 * - KIOSK_RESTORE (latest: restore the newest verified backup if the database is missing, empty or corrupt);
 * - KIOSK_ID, KIOSK_STAFF_WINDOW (Electron: this machine's kiosk id; auto | always | never);
 * - KIOSK_PRINTER (受付票 printer: tcp://HOST:PORT, a device path, or `simulator`), KIOSK_CARD_READER (診察券
 *   reader: off | simulator | hid:VID:PID[:USAGEPAGE][:pos|magstripe|stream]), KIOSK_ORCA_URL / KIOSK_ORCA_USER /
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
import { DEFAULT_READER_TIMING, type ReaderConfig } from './devices/patient-card/types';
import type { ReportFormat } from './devices/patient-card/reports';

export type StaffWindowMode = 'auto' | 'always' | 'never';

export type PrinterTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };
/** KIOSK_PRINTER: a printer, or the embedded printer simulator (demos, tests). */
export type PrinterSpec = PrinterTarget | { kind: 'simulator' };
/** KIOSK_CARD_READER (or the admin's setting, turned into the same shape by the devices feature). */
export type ReaderChoice = { mode: 'off' } | { mode: 'simulator' } | { mode: 'hid'; config: ReaderConfig };

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
  /** KIOSK_PRINTER: wins over the admin's printer setting. */
  printer?: PrinterSpec;
  /** KIOSK_CARD_READER: wins over the admin's reader setting. */
  cardReader?: ReaderChoice;
  orca?: OrcaConfig;
  /** From KIOSK_BIND: expose on the LAN ('off': loopback only whatever the admin setting says). */
  lan?: Exposure | 'off';
  /** KIOSK_TLS_CERT / KIOSK_TLS_KEY. */
  tls?: { certFile: string; keyFile: string };
  /** KIOSK_RESTORE=latest: restore the newest verified backup if the database cannot be used. */
  restore?: 'latest';
}

export const DEFAULT_PORT = 5180;
export const DEFAULT_KIOSK_ID = 'kiosk-1';

const value = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function parsePort(raw: string): number | undefined {
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 65535 ? n : undefined;
}

/**
 * A printer address (KIOSK_PRINTER, and the admin's printer setting through devices/printer/target.ts):
 * `tcp://HOST:PORT` (raw ESC/POS; an IPv6 host in brackets) or an absolute device path (/dev/usb/lp0, or
 * \\.\COM3 on Windows) without `..` segments.
 */
export function parsePrinter(raw: string): PrinterTarget | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 300 || text.includes('\0')) return undefined;
  if (/^tcp:\/\//i.test(text)) {
    const m = /^tcp:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]{2,39}\]):(\d{1,5})\/?$/i.exec(text);
    const port = m ? parsePort(m[2]!) : undefined;
    return m && port ? { kind: 'tcp', host: m[1]!.replace(/^\[|\]$/g, ''), port } : undefined;
  }
  if (text.startsWith('/') && !text.split('/').includes('..')) return { kind: 'device', path: text };
  if (/^\\\\\.\\[A-Za-z0-9]+$/.test(text)) return { kind: 'device', path: text };
  return undefined;
}

/** KIOSK_PRINTER: a printer address, or `simulator`. */
export function parsePrinterSpec(raw: string): PrinterSpec | undefined {
  return raw.trim().toLowerCase() === 'simulator' ? { kind: 'simulator' } : parsePrinter(raw);
}

/** KIOSK_CARD_READER: off | simulator | hid:VID:PID[:USAGEPAGE][:pos|magstripe|stream] (hex ids). */
export function parseCardReader(raw: string): ReaderChoice | undefined {
  const v = raw.trim().toLowerCase();
  if (v === 'off') return { mode: 'off' };
  if (v === 'simulator') return { mode: 'simulator' };
  const m = /^hid:([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::([0-9a-f]{1,4}))?(?::(pos|magstripe|stream))?$/.exec(v);
  if (!m) return undefined;
  const usagePage = m[3] === undefined ? undefined : parseInt(m[3], 16);
  const named = m[4] === 'pos' || m[4] === 'magstripe' || m[4] === 'stream' ? m[4] : undefined;
  const format: ReportFormat = named ?? (usagePage === undefined || usagePage === 0x8c ? 'pos' : 'magstripe');
  return {
    mode: 'hid',
    config: {
      vendorId: parseInt(m[1]!, 16),
      productId: parseInt(m[2]!, 16),
      ...(usagePage === undefined ? {} : { usagePage }),
      format,
      ...DEFAULT_READER_TIMING,
    },
  };
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

  let printer: PrinterSpec | undefined;
  const rawPrinter = value(env.KIOSK_PRINTER);
  if (rawPrinter !== undefined) {
    printer = parsePrinterSpec(rawPrinter);
    if (!printer) errors.push('KIOSK_PRINTER must be tcp://HOST:PORT, a device path or simulator');
  }
  let cardReader: ReaderChoice | undefined;
  const rawReader = value(env.KIOSK_CARD_READER);
  if (rawReader !== undefined) {
    cardReader = parseCardReader(rawReader);
    if (!cardReader) errors.push('KIOSK_CARD_READER must be off, simulator or hid:VID:PID[:USAGEPAGE][:format]');
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
  const restore = value(env.KIOSK_RESTORE);
  if (restore !== undefined && restore !== 'latest') errors.push(`KIOSK_RESTORE must be 'latest' (got '${restore}')`);
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
      ...(cardReader ? { cardReader } : {}),
      ...(orca ? { orca } : {}),
      ...(lan ? { lan } : {}),
      ...(tls ? { tls } : {}),
      ...(restore === 'latest' ? { restore: 'latest' as const } : {}),
    },
    warnings,
    errors,
  };
}

/** The devices part of the configuration as the core takes it (`devices` only when something is set). */
export function devicesFrom(config: Pick<RuntimeConfig, 'printer' | 'cardReader'>): {
  devices?: { printer?: PrinterSpec; cardReader?: ReaderChoice };
} {
  if (!config.printer && !config.cardReader) return {};
  return {
    devices: {
      ...(config.printer ? { printer: config.printer } : {}),
      ...(config.cardReader ? { cardReader: config.cardReader } : {}),
    },
  };
}
