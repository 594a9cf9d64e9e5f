import { createCore, type CoreOptions, type Core } from '../../electron/core/index';

import { tempDir } from './temp';

export { tempDir };
/** A core on a real SQLite file in a fresh temp folder, clock fixed to a clinic morning. */
export async function makeCore(options: Partial<CoreOptions> = {}): Promise<{ core: Core; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir();
  const core = await createCore({ dataDir, now: '2026-11-25T09:00:00+09:00', logToConsole: false, ...options });
  return { core, dataDir };
}

export const KIOSK = { role: 'kiosk', kioskId: 'kiosk-1' } as const;
export const STAFF = { role: 'staff', kioskId: 'desk' } as const;
export const ADMIN = { role: 'admin', kioskId: 'desk' } as const;
