/**
 * The Electron transport: the preload's `window.kioskBridge`, typed. IPC does not drop, so always open.
 * The window's sign-in lives with the window in the main process (a reload keeps it); the identity is
 * asked for once at start and then follows the core's `auth.changed` events.
 */
import type {
  ConnectionIdentity,
  IdentityRequestInput,
  IdentityRequestName,
  IdentityRequestOutputs,
  IdentityResult,
  WhoAmI,
} from '../../../shared/api/auth';
import type {
  ApiEventName,
  ApiEvents,
  ApiResult,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../shared/api/index';
import { IDENTITY_EVENT_NAME, type KioskBridge } from '../../../shared/api/bridge';
import type { RendererApi } from './types';

export function fromBridge(bridge: KioskBridge): RendererApi {
  let identity: ConnectionIdentity | null = null;
  const handlers = new Set<(identity: ConnectionIdentity) => void>();
  const setIdentity = (who: WhoAmI) => {
    if (!who?.identity) return;
    identity = who.identity;
    for (const h of [...handlers]) h(who.identity);
  };
  const call = async (name: RequestName | IdentityRequestName, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      return await bridge.request(name, input);
    } catch (err) {
      return { ok: false, error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
    }
  };
  bridge.on(IDENTITY_EVENT_NAME, (payload) => setIdentity(payload as WhoAmI));
  void call('auth.whoami', {}).then((r) => {
    if (r.ok) setIdentity(r.value as WhoAmI);
  });
  return {
    role: bridge.role,
    kioskId: bridge.kioskId,
    transport: 'electron',
    async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<ApiResult<RequestOutput<N>>> {
      return (await call(name, input)) as ApiResult<RequestOutput<N>>;
    },
    async identityRequest<N extends IdentityRequestName>(
      name: N,
      input: IdentityRequestInput<N>,
    ): Promise<IdentityResult<IdentityRequestOutputs[N]>> {
      return (await call(name, input)) as IdentityResult<IdentityRequestOutputs[N]>;
    },
    identity: () => identity,
    onIdentity(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    on<E extends ApiEventName>(event: E, handler: (payload: ApiEvents[E]) => void) {
      return bridge.on(event, (payload) => handler(payload as ApiEvents[E]));
    },
    connection: () => 'open',
    onConnection: () => () => {},
    close: () => {},
  };
}
