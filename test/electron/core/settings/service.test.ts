import { afterEach, describe, expect, it } from 'vitest';
import { createSettings, DEFAULT_SETTINGS, settingsFeature } from '../../../../electron/core/settings/index';
import { migrateFeature, openDatabase, type Db } from '../../../../electron/core/store/index';
import { tempDir } from '../../../helpers/temp';

let db: Db | undefined;
afterEach(() => db?.close());
function fresh(dir = tempDir()) {
  db?.close();
  db = openDatabase(dir);
  migrateFeature(db, 'settings', settingsFeature.migrations);
  return { db, dir };
}
const AT = '2026-11-25T00:00:00.000Z';
const store = (d: Db, value: string) =>
  d.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('settings', ?, ?)`).run(value, AT);

describe('settings service', () => {
  it('an empty database gives the defaults; overrides (tests, benchmarks) apply on top', () => {
    const { db } = fresh();
    expect(createSettings(db).get()).toEqual(DEFAULT_SETTINGS);
    expect(createSettings(db, { idleTimeoutSeconds: 45 }).get()).toEqual({
      ...DEFAULT_SETTINGS,
      idleTimeoutSeconds: 45,
    });
  });

  it('a change is validated against the limits, saved, and survives a restart', () => {
    const { db, dir } = fresh();
    const s = createSettings(db);
    const bad = s.update({ idleTimeoutSeconds: 5 }, AT);
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('idleTimeoutSeconds') });
    expect(s.get().idleTimeoutSeconds).toBe(DEFAULT_SETTINGS.idleTimeoutSeconds);
    expect(s.update({ idleTimeoutSeconds: 120, clinicName: '北クリニック' }, AT)).toMatchObject({
      ok: true,
      changed: ['clinicName', 'idleTimeoutSeconds'],
    });
    const reopened = fresh(dir).db;
    expect(createSettings(reopened).get()).toMatchObject({ idleTimeoutSeconds: 120, clinicName: '北クリニック' });
  });

  it('tells listeners what changed, and nothing when nothing did', () => {
    const { db } = fresh();
    const s = createSettings(db);
    const seen: string[][] = [];
    s.onChange(({ changed }) => seen.push(changed));
    s.update({ demoPanel: false }, AT);
    s.update({ demoPanel: false }, AT);
    expect(seen).toEqual([['demoPanel']]);
  });

  it('a hand-edited or broken row cannot break boot: it falls back to the defaults', () => {
    for (const row of ['{not json', JSON.stringify({ idleTimeoutSeconds: 1 }), JSON.stringify(['x'])]) {
      const { db } = fresh();
      store(db, row);
      expect(createSettings(db).get()).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('a stored document from an older kiosk (fewer keys) gets the new keys’ defaults', () => {
    const { db } = fresh();
    store(db, JSON.stringify({ clinicName: '旧クリニック' }));
    expect(createSettings(db).get()).toEqual({ ...DEFAULT_SETTINGS, clinicName: '旧クリニック' });
  });
});
