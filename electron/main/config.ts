/**
 * The shell's settings, read once from the environment (contracts §3): KIOSK_DATA_DIR, KIOSK_NOW,
 * KIOSK_ONSHI_DIR, plus two shell-only ones: KIOSK_ID (this machine's kiosk id, default 'kiosk-1') and
 * KIOSK_STAFF_WINDOW (auto | always | never: whether a staff console opens at start).
 */
import path from 'node:path';

export type StaffWindowMode = 'auto' | 'always' | 'never';

export interface ShellConfig {
  dataDir: string;
  now?: string;
  onshiDir?: string;
  /** KIOSK_RESTORE=latest: restore the newest verified backup if the database cannot be used. */
  restore?: 'latest';
  kioskId: string;
  staffWindow: StaffWindowMode;
}

export const DEFAULT_KIOSK_ID = 'kiosk-1';
const KIOSK_ID = /^[A-Za-z0-9_-]{1,64}$/;

const value = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function readShellConfig(
  env: NodeJS.ProcessEnv,
  defaults: { userDataDir: string },
): { config: ShellConfig; warnings: string[] } {
  const warnings: string[] = [];
  let kioskId = value(env.KIOSK_ID) ?? DEFAULT_KIOSK_ID;
  if (!KIOSK_ID.test(kioskId)) {
    warnings.push(`KIOSK_ID must be 1-64 letters, digits, '-' or '_'; using '${DEFAULT_KIOSK_ID}'`);
    kioskId = DEFAULT_KIOSK_ID;
  }
  let staffWindow: StaffWindowMode = 'auto';
  const mode = value(env.KIOSK_STAFF_WINDOW)?.toLowerCase();
  if (mode === 'always' || mode === 'never' || mode === 'auto') staffWindow = mode;
  else if (mode !== undefined) warnings.push(`KIOSK_STAFF_WINDOW must be auto, always or never; using 'auto'`);

  const onshiDir = value(env.KIOSK_ONSHI_DIR);
  const now = value(env.KIOSK_NOW);
  const restore = value(env.KIOSK_RESTORE);
  if (restore !== undefined && restore !== 'latest') warnings.push(`KIOSK_RESTORE must be 'latest'; ignored`);
  return {
    config: {
      dataDir: path.resolve(value(env.KIOSK_DATA_DIR) ?? defaults.userDataDir),
      kioskId,
      staffWindow,
      ...(now ? { now } : {}),
      ...(onshiDir ? { onshiDir: path.resolve(onshiDir) } : {}),
      ...(restore === 'latest' ? { restore: 'latest' as const } : {}),
    },
    warnings,
  };
}

/**
 * 'auto' opens the staff console when there is a second display (the receptionist's side), or in
 * development; a single-screen production kiosk shows only the patient window, so nobody can reach the
 * staff console by switching windows.
 */
export function shouldOpenStaffWindow(
  mode: StaffWindowMode,
  context: { displays: number; isPackaged: boolean },
): boolean {
  if (mode !== 'auto') return mode === 'always';
  return context.displays > 1 || !context.isPackaged;
}
