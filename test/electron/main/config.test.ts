import { describe, expect, it } from 'vitest';
import { shouldOpenStaffWindow } from '../../../electron/main/config';

describe('shouldOpenStaffWindow', () => {
  it('opens the staff console on a second display, or in development, unless told otherwise', () => {
    expect(shouldOpenStaffWindow('auto', { displays: 1, isPackaged: true })).toBe(false);
    expect(shouldOpenStaffWindow('auto', { displays: 2, isPackaged: true })).toBe(true);
    expect(shouldOpenStaffWindow('auto', { displays: 1, isPackaged: false })).toBe(true);
    expect(shouldOpenStaffWindow('always', { displays: 1, isPackaged: true })).toBe(true);
    expect(shouldOpenStaffWindow('never', { displays: 2, isPackaged: false })).toBe(false);
  });
});
