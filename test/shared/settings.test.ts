import { describe, expect, it } from 'vitest';
import {
  ADMIN_SETTING_KEYS,
  adminNumberLimits,
  adminSettingsSchema,
  adminView,
  DEFAULT_SETTINGS,
  settingsSchema,
} from '../../shared/settings';

describe('shared/settings: one schema, one set of defaults, the admin view derived', () => {
  it('the defaults satisfy the schema', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('every admin key is a setting, and the admin view has exactly the admin keys', () => {
    for (const k of ADMIN_SETTING_KEYS) expect(Object.keys(settingsSchema.shape)).toContain(k);
    expect(Object.keys(adminView(DEFAULT_SETTINGS)).sort()).toEqual([...ADMIN_SETTING_KEYS].sort());
    expect(adminSettingsSchema.parse(adminView(DEFAULT_SETTINGS))).toEqual(adminView(DEFAULT_SETTINGS));
  });

  it('the admin limits are the settings’ limits, stricter only where a person types them', () => {
    const admin = adminSettingsSchema.partial();
    // Same limits as the settings schema:
    expect(admin.safeParse({ idleTimeoutSeconds: 29 }).success).toBe(false);
    expect(settingsSchema.shape.idleTimeoutSeconds.safeParse(29).success).toBe(false);
    expect(admin.safeParse({ idleTimeoutSeconds: 600 }).success).toBe(true);
    expect(admin.safeParse({ idleTimeoutSeconds: 601 }).success).toBe(false);
    // Stricter for a person: an answer needs ≥ 1 s, a card wait ≥ 10 s (tests may tune lower).
    expect(settingsSchema.shape.readerQueryTimeoutMs.safeParse(500).success).toBe(true);
    expect(admin.safeParse({ readerQueryTimeoutMs: 500 }).success).toBe(false);
    expect(admin.safeParse({ readerCardWaitSeconds: 5 }).success).toBe(false);
    expect(admin.safeParse({ readerQueryTimeoutMs: 120_001 }).success).toBe(false);
  });

  it('the admin schema refuses keys that are not the admin’s (institution code, time zone, …)', () => {
    expect(adminSettingsSchema.partial().safeParse({ institutionCode: '1234567890' }).success).toBe(false);
    expect(adminSettingsSchema.partial().safeParse({ policy: { loosen: true } }).success).toBe(false);
  });

  it('forms read their min/max from the same schema', () => {
    expect(adminNumberLimits('idleTimeoutSeconds')).toEqual({ min: 30, max: 600 });
    expect(adminNumberLimits('readerQueryTimeoutMs')).toEqual({ min: 1000, max: 120_000 });
  });
});
