/**
 * The TLS certificate for the LAN listener: the clinic's own (KIOSK_TLS_CERT / KIOSK_TLS_KEY, PEM files),
 * or one generated on first use and kept in `<dataDir>/tls/` (key readable by this user only). Its SHA-256
 * fingerprint is what the admin screen shows, so the receptionist PC can check it is talking to this host.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** 'AB:CD:…' (SHA-256 of the DER certificate), as browsers show it. */
  fingerprint256: string;
  source: 'supplied' | 'generated';
  validTo: string;
}

export type TlsError = { code: 'tls-unreadable' | 'tls-invalid'; message: string };

function describe(key: string, cert: string, source: TlsMaterial['source']): TlsMaterial | TlsError {
  try {
    const x509 = new crypto.X509Certificate(cert);
    const privateKey = crypto.createPrivateKey(key);
    if (!x509.checkPrivateKey(privateKey))
      return { code: 'tls-invalid', message: 'the TLS key does not belong to the certificate' };
    return { key, cert, fingerprint256: x509.fingerprint256, source, validTo: new Date(x509.validTo).toISOString() };
  } catch (e) {
    return {
      code: 'tls-invalid',
      message: `the TLS certificate or key cannot be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Names the certificate should cover: the bind address (unless a wildcard), the machine's names and addresses. */
export function certificateNames(bindHost: string, extra: readonly string[] = []): { dns: string[]; ips: string[] } {
  const dns = new Set<string>(['localhost']);
  const ips = new Set<string>(['127.0.0.1']);
  const host = os.hostname().toLowerCase();
  if (host) {
    dns.add(host);
    if (!host.includes('.')) dns.add(`${host}.local`);
  }
  for (const list of Object.values(os.networkInterfaces()))
    for (const i of list ?? []) if (!i.internal && i.family === 'IPv4') ips.add(i.address);
  for (const n of [bindHost, ...extra]) {
    if (!n || n === '0.0.0.0' || n === '::') continue;
    if (net.isIP(n)) ips.add(n);
    else dns.add(n.toLowerCase());
  }
  return { dns: [...dns], ips: [...ips] };
}

export async function loadOrCreateTls(options: {
  dataDir: string;
  certFile?: string;
  keyFile?: string;
  bindHost: string;
  names?: readonly string[];
  now: Date;
}): Promise<TlsMaterial | TlsError> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile)
      return { code: 'tls-unreadable', message: 'set both KIOSK_TLS_CERT and KIOSK_TLS_KEY' };
    try {
      return describe(fs.readFileSync(options.keyFile, 'utf8'), fs.readFileSync(options.certFile, 'utf8'), 'supplied');
    } catch (e) {
      return {
        code: 'tls-unreadable',
        message: `cannot read the TLS files: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  const dir = path.join(options.dataDir, 'tls');
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const existing = describe(fs.readFileSync(keyFile, 'utf8'), fs.readFileSync(certFile, 'utf8'), 'generated');
    if ('key' in existing && Date.parse(existing.validTo) > options.now.getTime() + 30 * 86400_000) return existing;
  }
  const { dns, ips } = certificateNames(options.bindHost, options.names);
  const notAfter = new Date(options.now.getTime() + 825 * 86400_000); // what browsers accept for a server certificate
  const pems = await generate(
    [
      { name: 'commonName', value: dns[1] ?? 'clinic-kiosk' },
      { name: 'organizationName', value: 'Clinic reception kiosk' },
    ],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(options.now.getTime() - 86400_000),
      notAfterDate: notAfter,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...dns.map((value) => ({ type: 2 as const, value })),
            ...ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert, { mode: 0o644 });
  return describe(pems.private, pems.cert, 'generated');
}
