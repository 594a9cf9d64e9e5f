/**
 * Where the ORCA connection comes from: the environment (KIOSK_ORCA_URL, KIOSK_ORCA_USER,
 * KIOSK_ORCA_PASSWORD; for WebORCA also KIOSK_ORCA_CERT, a PKCS#12 file, and KIOSK_ORCA_CERT_PASSWORD) wins
 * when KIOSK_ORCA_URL is set; otherwise the admin settings. Neither: no レセコン link.
 */
import fs from 'node:fs';
import type { OrcaClientConfig } from './client';

export interface OrcaConnectionSettings {
  url?: string;
  user?: string;
  password?: string;
  /** Path of a PKCS#12 (.p12/.pfx) client certificate, for WebORCA. */
  clientCertPath?: string;
  clientCertPassword?: string;
  /** Path of a PEM CA certificate to trust (an https ORCA with its own CA). */
  caCertPath?: string;
  format?: 'auto' | 'json' | 'xml';
  timeoutMs?: number;
}

export type OrcaConfigResult =
  | { ok: true; config: OrcaClientConfig; source: 'environment' | 'settings' }
  | { ok: false; code: 'not-configured' | 'invalid'; message: string };

const MAX_CERT_BYTES = 64 * 1024;

function readSmallFile(file: string): Buffer | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_CERT_BYTES) return null;
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

export function orcaConfigFrom(
  settings: OrcaConnectionSettings | undefined,
  env: NodeJS.ProcessEnv = process.env,
): OrcaConfigResult {
  const fromEnv = Boolean(env.KIOSK_ORCA_URL?.trim());
  const s: OrcaConnectionSettings = fromEnv
    ? {
        url: env.KIOSK_ORCA_URL?.trim(),
        user: env.KIOSK_ORCA_USER ?? '',
        password: env.KIOSK_ORCA_PASSWORD ?? '',
        ...(env.KIOSK_ORCA_CERT ? { clientCertPath: env.KIOSK_ORCA_CERT } : {}),
        ...(env.KIOSK_ORCA_CERT_PASSWORD ? { clientCertPassword: env.KIOSK_ORCA_CERT_PASSWORD } : {}),
        ...(settings?.format ? { format: settings.format } : {}),
        ...(settings?.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
      }
    : (settings ?? {});
  if (!s.url) return { ok: false, code: 'not-configured', message: 'no ORCA URL' };
  let url: URL;
  try {
    url = new URL(s.url);
  } catch {
    return { ok: false, code: 'invalid', message: 'the ORCA URL is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, code: 'invalid', message: 'the ORCA URL must start with http:// or https://' };
  if (url.username || url.password)
    return { ok: false, code: 'invalid', message: 'put the user and password in their own fields, not in the URL' };
  const pfx = s.clientCertPath ? readSmallFile(s.clientCertPath) : undefined;
  if (pfx === null)
    return { ok: false, code: 'invalid', message: 'the client certificate file cannot be read (or is too large)' };
  const ca = s.caCertPath ? readSmallFile(s.caCertPath) : undefined;
  if (ca === null)
    return { ok: false, code: 'invalid', message: 'the CA certificate file cannot be read (or is too large)' };
  return {
    ok: true,
    source: fromEnv ? 'environment' : 'settings',
    config: {
      baseUrl: url.toString(),
      user: s.user ?? '',
      password: s.password ?? '',
      ...(pfx
        ? { clientCertificate: { pfx, ...(s.clientCertPassword ? { passphrase: s.clientCertPassword } : {}) } }
        : {}),
      ...(ca ? { ca } : {}),
      format: s.format ?? 'auto',
      ...(s.timeoutMs ? { timeoutMs: Math.min(60_000, Math.max(1000, s.timeoutMs)) } : {}),
    },
  };
}
