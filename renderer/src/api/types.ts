import type { KioskApi, Role } from '../../../shared/api/index';

/** 'open' once the core has greeted this window; 'reconnecting' while a dropped socket is retried. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** The typed API plus what a window needs to know about its own link to the core. */
export interface RendererApi extends KioskApi {
  readonly role: Role;
  readonly kioskId: string;
  readonly transport: 'electron' | 'websocket';
  connection(): ConnectionState;
  /** Called on every change; after 'reconnecting' -> 'open' the caller re-fetches what it shows. */
  onConnection(handler: (state: ConnectionState) => void): () => void;
  close(): void;
}
