/**
 * What the Electron preload exposes on `window.kioskBridge` (through contextBridge) and what the renderer's
 * WebSocket client implements in the browser host: two named functions and the window's role, nothing else.
 * The preload checks names against the API's lists before anything reaches ipcRenderer; the main process
 * validates the payload and the sender's frame again.
 */
import type { ApiResult, ApiEventName, RequestName, Role } from './index';

export interface KioskBridge {
  readonly role: Role;
  readonly kioskId: string;
  request(name: RequestName, input: unknown): Promise<ApiResult<unknown>>;
  on(event: ApiEventName, handler: (payload: unknown) => void): () => void;
}

/** IPC channel names (Electron transport). One channel for requests, one for pushed events. */
export const IPC_REQUEST_CHANNEL = 'kiosk:request';
export const IPC_EVENT_CHANNEL = 'kiosk:event';

/** WebSocket path (browser host). Query: role=kiosk|staff|admin, kiosk=<kioskId>. */
export const WS_PATH = '/api';
