/** The Electron transport: the preload's `window.kioskBridge`, typed. IPC does not drop, so always open. */
import type {
  ApiEventName,
  ApiEvents,
  ApiResult,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../shared/api/index';
import type { KioskBridge } from '../../../shared/api/bridge';
import type { RendererApi } from './types';

export function fromBridge(bridge: KioskBridge): RendererApi {
  return {
    role: bridge.role,
    kioskId: bridge.kioskId,
    transport: 'electron',
    async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<ApiResult<RequestOutput<N>>> {
      try {
        return (await bridge.request(name, input)) as ApiResult<RequestOutput<N>>;
      } catch (err) {
        return { ok: false, error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    on<E extends ApiEventName>(event: E, handler: (payload: ApiEvents[E]) => void) {
      return bridge.on(event, (payload) => handler(payload as ApiEvents[E]));
    },
    connection: () => 'open',
    onConnection: () => () => {},
    close: () => {},
  };
}
