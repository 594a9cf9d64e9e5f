/**
 * Where a browser keeps what proves who it is: a staff sign-in token for this tab only (sessionStorage —
 * closing the tab signs out; the core also ends it when idle), and an enrolled device's credential for the
 * device (localStorage — a paired LAN kiosk stays paired across restarts until an admin revokes it).
 */
export interface DeviceCredential {
  deviceId: string;
  secret: string;
}

export interface CredentialStore {
  staffToken(): string | undefined;
  setStaffToken(token: string | undefined): void;
  device(): DeviceCredential | undefined;
  setDevice(credential: DeviceCredential | undefined): void;
}

const STAFF_KEY = 'kiosk.staffSignIn';
const DEVICE_KEY = 'kiosk.deviceCredential';

export function browserCredentials(win: Pick<Window, 'sessionStorage' | 'localStorage'> = window): CredentialStore {
  const safe = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback; // storage disabled: the page still works, it only forgets on reload
    }
  };
  return {
    staffToken: () => safe(() => win.sessionStorage.getItem(STAFF_KEY) ?? undefined, undefined),
    setStaffToken: (token) =>
      safe(
        () => (token ? win.sessionStorage.setItem(STAFF_KEY, token) : win.sessionStorage.removeItem(STAFF_KEY)),
        undefined,
      ),
    device() {
      const raw = safe(() => win.localStorage.getItem(DEVICE_KEY), null);
      if (!raw) return undefined;
      try {
        const v: unknown = JSON.parse(raw);
        if (
          typeof v === 'object' &&
          v !== null &&
          'deviceId' in v &&
          'secret' in v &&
          typeof v.deviceId === 'string' &&
          typeof v.secret === 'string'
        )
          return { deviceId: v.deviceId, secret: v.secret };
      } catch {
        /* fall through */
      }
      return undefined;
    },
    setDevice: (c) =>
      safe(
        () => (c ? win.localStorage.setItem(DEVICE_KEY, JSON.stringify(c)) : win.localStorage.removeItem(DEVICE_KEY)),
        undefined,
      ),
  };
}

/** In memory only (tests, and Electron windows, whose sign-in lives with the window in the main process). */
export function memoryCredentials(): CredentialStore {
  let token: string | undefined;
  let device: DeviceCredential | undefined;
  return {
    staffToken: () => token,
    setStaffToken: (t) => (token = t),
    device: () => device,
    setDevice: (d) => (device = d),
  };
}
