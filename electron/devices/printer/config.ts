/**
 * Which printer to use: `KIOSK_PRINTER` wins (tests and installers set it), else the admin setting, else
 * none. A malformed value is reported, not guessed at: the kiosk runs without a printer and says why.
 */
import { parsePrinterTarget, type PrinterTarget } from './target';

export type PrinterChoice =
  | { source: 'env' | 'setting'; target: PrinterTarget }
  | { source: 'none' }
  | { source: 'env' | 'setting'; error: string };

export function choosePrinter(
  env: Readonly<Record<string, string | undefined>>,
  setting: string | undefined,
): PrinterChoice {
  const fromEnv = env.KIOSK_PRINTER?.trim();
  if (fromEnv) {
    const r = parsePrinterTarget(fromEnv);
    return r.ok ? { source: 'env', target: r.target } : { source: 'env', error: `KIOSK_PRINTER: ${r.message}` };
  }
  const fromSetting = setting?.trim();
  if (fromSetting) {
    const r = parsePrinterTarget(fromSetting);
    return r.ok ? { source: 'setting', target: r.target } : { source: 'setting', error: r.message };
  }
  return { source: 'none' };
}
