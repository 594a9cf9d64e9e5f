/**
 * The only module that touches `window.kioskBridge` or opens a WebSocket. It picks the transport once at
 * start-up: the preload's bridge in Electron, otherwise the browser host's WebSocket on the same origin.
 * Everything else gets a typed `RendererApi` through React context (./context).
 */
import type { Role } from '../../../shared/api/index';
import type { KioskBridge } from '../../../shared/api/bridge';
import { ID_PATTERN as KIOSK_ID, WS_PATH } from '../../../shared/api/bridge';
import { fromBridge } from './bridge';
import type { RendererApi } from './types';
import { browserCredentials } from './credentials';
import { createWebSocketApi } from './websocket';

export type { ConnectionState, RendererApi } from './types';
export { ApiProvider, useApi } from './context';
export { useIdentity, useSignedIn } from './useIdentity';

export const DEFAULT_KIOSK_ID = 'kiosk-1';

/** `/` is the patient kiosk, `/staff` the staff console, `/admin` the admin screen, `/display` the call display. */
export function roleFromPath(pathname: string): Role {
  const first = pathname.split('/').filter(Boolean)[0];
  return first === 'staff' ? 'staff' : first === 'admin' ? 'admin' : first === 'display' ? 'display' : 'kiosk';
}

export function kioskIdFromSearch(search: string): string {
  const id = new URLSearchParams(search).get('kiosk');
  return id && KIOSK_ID.test(id) ? id : DEFAULT_KIOSK_ID;
}

export function webSocketUrl(loc: Pick<Location, 'protocol' | 'host'>, role: Role, kioskId: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ role, kiosk: kioskId });
  return `${scheme}://${loc.host}${WS_PATH}?${query.toString()}`;
}

export function createApi(win: Window & { kioskBridge?: KioskBridge } = window): RendererApi {
  if (win.kioskBridge) return fromBridge(win.kioskBridge);
  const role = roleFromPath(win.location.pathname);
  const kioskId = kioskIdFromSearch(win.location.search);
  return createWebSocketApi({
    url: webSocketUrl(win.location, role, kioskId),
    role,
    kioskId,
    credentials: browserCredentials(win),
  });
}
