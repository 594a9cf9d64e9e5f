import type {
  ConnectionIdentity,
  IdentityRequestInput,
  IdentityRequestName,
  IdentityRequestOutputs,
  IdentityResult,
} from '../../../shared/api/auth';
import type { KioskApi, Role } from '../../../shared/api/index';

/** 'open' once the core has greeted this window; 'reconnecting' while a dropped socket is retried. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** The typed API plus what a window needs to know about its own link to the core. */
export interface RendererApi extends KioskApi {
  /** Which screen this window draws (from the URL path or the Electron window). Not who it is: see identity(). */
  readonly role: Role;
  readonly kioskId: string;
  readonly transport: 'electron' | 'websocket';
  connection(): ConnectionState;
  /** Called on every change; after 'reconnecting' -> 'open' the caller re-fetches what it shows. */
  onConnection(handler: (state: ConnectionState) => void): () => void;
  /** Who the core says this window is; null until it has said. */
  identity(): ConnectionIdentity | null;
  onIdentity(handler: (identity: ConnectionIdentity) => void): () => void;
  /** Sign-in, setup, pairing, and the admin's account and device management. */
  identityRequest<N extends IdentityRequestName>(
    name: N,
    input: IdentityRequestInput<N>,
  ): Promise<IdentityResult<IdentityRequestOutputs[N]>>;
  close(): void;
}
