/**
 * The admin's 受付票 printer setting, parsed into a typed target with the one printer grammar of
 * electron/config.ts (which also reads KIOSK_PRINTER): `tcp://HOST:PORT` is raw ESC/POS over the network, an
 * absolute device path (e.g. /dev/usb/lp0, or \\.\COM3 on Windows) is written to directly.
 */
import { parsePrinter, type PrinterTarget } from '../../config';

export type { PrinterTarget };

export type TargetParse = { ok: true; target: PrinterTarget } | { ok: false; code: 'invalid-printer'; message: string };

export function parsePrinterTarget(raw: string): TargetParse {
  const target = parsePrinter(raw);
  if (target) return { ok: true, target };
  return {
    ok: false,
    code: 'invalid-printer',
    message: `expected tcp://HOST:PORT or an absolute device path: ${raw.trim().slice(0, 60)}`,
  };
}

export function describeTarget(t: PrinterTarget): string {
  return t.kind === 'tcp' ? `tcp://${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}` : t.path;
}
