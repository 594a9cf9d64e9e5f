import path from 'node:path';
import Database from 'better-sqlite3';
import { createClock, isClockError, type Clock } from '../../electron/core/clock';
import { createLogger } from '../../electron/core/logger';
import {
  createReceiptLink,
  type ReceiptLinkDeps,
  type ReceiptLinkSettings,
} from '../../electron/core/receipt-link/service';
import { createOrcaClient } from '../../electron/integrations/orca/client';
import { RECEIPT_LINK_MIGRATIONS } from '../../electron/core/receipt-link/migrations';
import { migrateFeature } from '../../electron/core/store/index';
import { tempDir } from './temp';

export function testClock(start = '2026-11-25T09:00:00+09:00'): Clock {
  const c = createClock({ fixedStart: start });
  if (isClockError(c)) throw new Error(c.message);
  return c;
}

export function openDb(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

/** Polls a condition (state, not time): resolves as soon as it holds, fails after `timeoutMs`. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function linkHarness(
  orcaUrl: string,
  options: { settings?: Partial<ReceiptLinkSettings>; deps?: Partial<ReceiptLinkDeps>; dir?: string } = {},
) {
  const dir = options.dir ?? tempDir('kiosk-orca-');
  const db = openDb(path.join(dir, 'kiosk.sqlite3'));
  migrateFeature(db, 'receipt-link', RECEIPT_LINK_MIGRATIONS);
  const audits: { actor: string; action: string; subject: string; detail?: string }[] = [];
  const settings: ReceiptLinkSettings = {
    enabled: true,
    departmentCode: '01',
    physicianCode: '10001',
    newPatient: false,
    ...options.settings,
  };
  const client = createOrcaClient({
    baseUrl: orcaUrl,
    user: 'ormaster',
    password: 'ormaster',
    timeoutMs: 1500,
    busyBackoffMs: 5,
  });
  const link = createReceiptLink({
    db,
    clock: testClock(),
    logger: createLogger({ console: false }),
    client: () => client,
    settings: () => settings,
    audit: (e) => audits.push(e),
    backoff: { baseMs: 10, maxMs: 60 },
    pollMs: 50,
    ...options.deps,
  });
  return { dir, db, link, settings, audits, client };
}
