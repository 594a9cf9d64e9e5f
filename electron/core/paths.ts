import os from 'node:os';
import path from 'node:path';

/** The platform's app-data folder for the kiosk (KIOSK_DATA_DIR overrides it). */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'clinic-reception-kiosk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'clinic-reception-kiosk');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'clinic-reception-kiosk');
}
