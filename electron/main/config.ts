/**
 * The shell's view of the runtime configuration (electron/config.ts, shared with the browser host), and
 * the one shell-only decision about it: whether a staff console opens at start.
 */
import type { RuntimeConfig, StaffWindowMode } from '../config';

export type { StaffWindowMode };
export type ShellConfig = RuntimeConfig;

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
