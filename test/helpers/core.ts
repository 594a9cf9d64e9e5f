import { cardReadsMigrations, createCardReadsStore } from '../../electron/core/card-reads/store';
import { createCore, type CoreOptions, type Core } from '../../electron/core/index';
import { migrateFeature, openDatabase } from '../../electron/core/store/index';
import { createTerminalStore, terminalMigrations } from '../../electron/terminal/store';

import { tempDir } from './temp';
import { devicesFrom, readRuntimeConfig } from '../../electron/config';

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

/** The terminal transport's and the card-reads feature's stores on one fresh SQLite file (adapter tests). */
export function openReaderStores(dataDir: string) {
  const db = openDatabase(dataDir);
  migrateFeature(db, 'card-reads', cardReadsMigrations);
  migrateFeature(db, 'terminal', terminalMigrations);
  const terminal = createTerminalStore(db);
  const cardReads = createCardReadsStore(db);
  return { db, terminal, cardReads, ...terminal, ...cardReads, close: () => db.close() };
}
export type ReaderStores = ReturnType<typeof openReaderStores>;

/** KIOSK_PRINTER / KIOSK_CARD_READER through the real parser (electron/config.ts), as the hosts pass them. */
export function devicesFromEnv(env: Record<string, string>): Pick<CoreOptions, 'devices'> {
  const { config, errors } = readRuntimeConfig(env, { dataDir: '/unused' });
  if (errors.length) throw new Error(errors.join('; '));
  return devicesFrom(config);
}
