/**
 * Where the 受付票 printer is: `KIOSK_PRINTER` or the admin setting, parsed into a typed target.
 * `tcp://HOST:PORT` is raw ESC/POS over the network (port 9100 if none is given); an absolute device path
 * (e.g. /dev/usb/lp0, or \\.\COM3 on Windows) is written to directly.
 */
export type PrinterTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };

export type TargetParse = { ok: true; target: PrinterTarget } | { ok: false; code: 'invalid-printer'; message: string };

export const DEFAULT_RAW_PORT = 9100;

export function parsePrinterTarget(raw: string): TargetParse {
  const text = raw.trim();
  if (text.length === 0 || text.length > 300)
    return { ok: false, code: 'invalid-printer', message: 'printer target is empty or too long' };
  if (/^tcp:\/\//i.test(text)) {
    const m = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/i.exec(text);
    if (!m) return { ok: false, code: 'invalid-printer', message: `not tcp://HOST:PORT: ${text}` };
    const host = m[1]!.replace(/^\[|\]$/g, '');
    const port = m[2] === undefined ? DEFAULT_RAW_PORT : Number(m[2]);
    if (port < 1 || port > 65535) return { ok: false, code: 'invalid-printer', message: `port out of range: ${m[2]}` };
    return { ok: true, target: { kind: 'tcp', host, port } };
  }
  if (text.startsWith('/') || /^\\\\\.\\[A-Za-z0-9]+$/.test(text)) {
    if (text.includes('\0') || text.split('/').includes('..'))
      return { ok: false, code: 'invalid-printer', message: 'device path is not plain' };
    return { ok: true, target: { kind: 'device', path: text } };
  }
  return { ok: false, code: 'invalid-printer', message: `expected tcp://HOST:PORT or a device path: ${text}` };
}

export function describeTarget(t: PrinterTarget): string {
  return t.kind === 'tcp' ? `tcp://${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}` : t.path;
}
