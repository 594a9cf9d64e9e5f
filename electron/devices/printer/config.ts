/**
 * Which printer to use: KIOSK_PRINTER (already parsed by electron/config.ts) wins, else the admin setting,
 * else none. A malformed setting is reported, not guessed at: the kiosk runs without a printer and says why.
 */
import { parsePrinterTarget, type PrinterTarget } from './target';

export type PrinterChoice =
  { source: 'env' | 'setting'; target: PrinterTarget } | { source: 'none' } | { source: 'setting'; error: string };

export function choosePrinter(fromEnvironment: PrinterTarget | undefined, setting: string | undefined): PrinterChoice {
  if (fromEnvironment) return { source: 'env', target: fromEnvironment };
  const fromSetting = setting?.trim();
  if (fromSetting) {
    const r = parsePrinterTarget(fromSetting);
    return r.ok ? { source: 'setting', target: r.target } : { source: 'setting', error: r.message };
  }
  return { source: 'none' };
}
