import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShellConfig, shouldOpenStaffWindow } from '../../../electron/main/config';

const defaults = { userDataDir: '/home/clinic/.config/clinic-reception-kiosk' };

describe('readShellConfig', () => {
  it('defaults: userData for data, simulator, kiosk-1, auto staff window', () => {
    expect(readShellConfig({}, defaults)).toEqual({
      config: { dataDir: path.resolve(defaults.userDataDir), kioskId: 'kiosk-1', staffWindow: 'auto' },
      warnings: [],
    });
  });

  it('reads KIOSK_DATA_DIR, KIOSK_NOW, KIOSK_ONSHI_DIR, KIOSK_ID and KIOSK_STAFF_WINDOW', () => {
    const { config, warnings } = readShellConfig(
      {
        KIOSK_DATA_DIR: 'data',
        KIOSK_NOW: '2026-11-23T09:00:00+09:00',
        KIOSK_ONSHI_DIR: '/mnt/onshi',
        KIOSK_ID: 'front-2',
        KIOSK_STAFF_WINDOW: 'Never',
      },
      defaults,
    );
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      dataDir: path.resolve('data'),
      now: '2026-11-23T09:00:00+09:00',
      onshiDir: path.resolve('/mnt/onshi'),
      kioskId: 'front-2',
      staffWindow: 'never',
    });
  });

  it('treats empty values as unset', () => {
    const { config } = readShellConfig({ KIOSK_DATA_DIR: '', KIOSK_NOW: ' ', KIOSK_ONSHI_DIR: '' }, defaults);
    expect(config).toEqual({ dataDir: path.resolve(defaults.userDataDir), kioskId: 'kiosk-1', staffWindow: 'auto' });
  });

  it('falls back, with a warning, on an invalid kiosk id or staff window mode', () => {
    const { config, warnings } = readShellConfig({ KIOSK_ID: '../etc', KIOSK_STAFF_WINDOW: 'sometimes' }, defaults);
    expect(config.kioskId).toBe('kiosk-1');
    expect(config.staffWindow).toBe('auto');
    expect(warnings).toHaveLength(2);
  });
});

describe('shouldOpenStaffWindow', () => {
  it('opens the staff console on a second display, or in development, unless told otherwise', () => {
    expect(shouldOpenStaffWindow('auto', { displays: 1, isPackaged: true })).toBe(false);
    expect(shouldOpenStaffWindow('auto', { displays: 2, isPackaged: true })).toBe(true);
    expect(shouldOpenStaffWindow('auto', { displays: 1, isPackaged: false })).toBe(true);
    expect(shouldOpenStaffWindow('always', { displays: 1, isPackaged: true })).toBe(true);
    expect(shouldOpenStaffWindow('never', { displays: 2, isPackaged: false })).toBe(false);
  });
});
