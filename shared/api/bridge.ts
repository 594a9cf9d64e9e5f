/**
 * What the Electron preload exposes on `window.kioskBridge` (through contextBridge) and what the renderer's
 * WebSocket client implements in the browser host: two named functions and the window's role, nothing else.
 * The preload checks names against the API's lists before anything reaches ipcRenderer; the main process
 * validates the payload and the sender's frame again.
 */
import type { ApiResult, ApiEventName, RequestName, Role } from './index';
import type { IdentityRequestName, IDENTITY_EVENT } from './auth';

export interface KioskBridge {
  readonly role: Role;
  readonly kioskId: string;
  request(name: RequestName | IdentityRequestName, input: unknown): Promise<ApiResult<unknown>>;
  on(event: ApiEventName | typeof IDENTITY_EVENT, handler: (payload: unknown) => void): () => void;
}

/** IPC channel names (Electron transport). One channel for requests, one for pushed events. */
export const IPC_REQUEST_CHANNEL = 'kiosk:request';
export const IPC_EVENT_CHANNEL = 'kiosk:event';

/**
 * How the main process tells a window's preload who it is (Electron transport): command-line arguments
 * given through `webPreferences.additionalArguments`, read from `process.argv` in the sandboxed preload.
 */
export const PRELOAD_ROLE_ARG = '--kiosk-role=';
export const PRELOAD_KIOSK_ID_ARG = '--kiosk-id=';

/** A kiosk, session or read id as it may cross the boundary: 1-64 letters, digits, '-' or '_'. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** WebSocket path (browser host). Query: role=kiosk|staff|admin, kiosk=<kioskId>. */
export const WS_PATH = '/api';

/**
 * The request and event names as plain lists, so the sandboxed preload can refuse unknown names without
 * bundling zod and the schemas. When you add a request or an event to index.ts, add its name here too:
 * the type checks below fail to compile (naming what is missing) until you do, and a test compares the
 * request list with `Object.keys(requests)`. These are THE lists of names (index.ts re-exports them).
 */
export const REQUEST_NAMES = [
  'status.get',
  'session.start',
  'session.get',
  'session.send',
  'session.neededInputs',
  'session.insurerShortcuts',
  'staff.list',
  'staff.act',
  'admin.setOnlineMode',
  'demo.presentCard',
  'demo.personas',
  'staff.unmatchedReads',
  'staff.kioskNames',
  'staff.assignRead',
  'staff.dismissRead',
  'staff.reverifications',
  'admin.getSettings',
  'admin.updateSettings',
  'calls.board',
  'calls.call',
  'calls.recall',
  'calls.done',
  'devices.get',
  'devices.reprint',
  'devices.listHid',
  'demo.scanPatientCard',
  'staff.receiptLinks',
  'staff.receiptLinkAlert',
  'staff.receiptLinkRetry',
  'staff.receiptLinkByHand',
  'staff.receiptLinkCancel',
  'admin.receiptLinkSettings',
  'admin.updateReceiptLinkSettings',
  'admin.orcaChoices',
  'admin.verifyAudit',
  'admin.backupNow',
] as const satisfies readonly RequestName[];
export const EVENT_NAMES = [
  'session.updated',
  'status.changed',
  'reader.unmatched',
  'reverify.updated',
  'settings.changed',
  'calls.board',
  'devices.changed',
  'ticket.printed',
  'receiptLink.updated',
  'receiptLink.alert',
  'storage.changed',
  'storage.alert',
] as const satisfies readonly ApiEventName[];

/** Identity requests (shared/api/auth.ts) and their event, as plain lists for the preload. */
export const IDENTITY_REQUEST_NAMES = [
  'auth.whoami',
  'auth.setup',
  'auth.signIn',
  'auth.resume',
  'auth.signOut',
  'device.redeem',
  'device.authenticate',
  'accounts.list',
  'accounts.create',
  'accounts.setDisabled',
  'accounts.setRole',
  'accounts.resetSecret',
  'devices.list',
  'devices.createPairingCode',
  'devices.revoke',
  'host.exposure',
  'host.setExposure',
] as const satisfies readonly IdentityRequestName[];
export const IDENTITY_EVENT_NAME: typeof IDENTITY_EVENT = 'auth.changed';

type ListedAll<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const _requestNamesComplete: ListedAll<RequestName, (typeof REQUEST_NAMES)[number]> = true;
const _eventNamesComplete: ListedAll<ApiEventName, (typeof EVENT_NAMES)[number]> = true;
const _identityNamesComplete: ListedAll<IdentityRequestName, (typeof IDENTITY_REQUEST_NAMES)[number]> = true;
void _identityNamesComplete;
void _requestNamesComplete;
void _eventNamesComplete;
