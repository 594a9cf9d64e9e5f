/**
 * Who each window is. The main process decides a window's role and kiosk id when it creates it; a
 * renderer never gets to say. IPC looks callers up here by `webContents.id`, so a webContents the app did
 * not create (a popup that slipped through, a devtools page) has no entry and is refused.
 */
import type { Role } from '../../shared/api/index';

export interface WindowCaller {
  role: Role;
  kioskId: string;
}

export interface WindowRegistry {
  register(contentsId: number, caller: WindowCaller): void;
  get(contentsId: number): WindowCaller | undefined;
  delete(contentsId: number): void;
  entries(): [number, WindowCaller][];
}

export function createWindowRegistry(): WindowRegistry {
  const map = new Map<number, WindowCaller>();
  return {
    register(id, caller) {
      map.set(id, Object.freeze({ role: caller.role, kioskId: caller.kioskId }));
    },
    get: (id) => map.get(id),
    delete: (id) => void map.delete(id),
    entries: () => [...map.entries()],
  };
}
