/** The core's status (clinic, online verification, idle seconds) and this window's connection to it. */
import { create } from 'zustand';
import type { KioskStatus, OnlineStatus, StorageStatus } from '../../../shared/api/index';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { ConnectionState } from '../api/types';

interface StatusStore {
  status: KioskStatus | null;
  connection: ConnectionState;
  actions: {
    statusLoaded: (status: KioskStatus) => void;
    onlineChanged: (online: OnlineStatus) => void;
    /** `settings.changed`: an admin changed a setting; the whole status is replaced, live. */
    settingsChanged: (status: KioskStatus) => void;
    /** `storage.changed`: the data store became failing (check-ins cannot be saved) or ok again. */
    storageChanged: (storage: StorageStatus) => void;
    connectionChanged: (connection: ConnectionState) => void;
  };
}

const useStatusStore = create<StatusStore>()((set) => ({
  status: null,
  connection: 'connecting',
  actions: {
    statusLoaded: (status) => set({ status }),
    onlineChanged: (online) => set((s) => (s.status ? { status: { ...s.status, online } } : {})),
    settingsChanged: (status) => set({ status }),
    storageChanged: (storage) => set((s) => (s.status ? { status: { ...s.status, storage } } : {})),
    connectionChanged: (connection) => set({ connection }),
  },
}));

/** Default idle seconds until status arrives: generous, as the kiosk must never rush anyone. */
/** Until the first status arrives: the clinic default (shared/settings.ts). */
export const DEFAULT_IDLE_SECONDS = DEFAULT_SETTINGS.idleTimeoutSeconds;

export const useStatus = () => useStatusStore((s) => s.status);
export const useOnlineStatus = () => useStatusStore((s) => s.status?.online ?? null);
/** Offline as far as the patient is concerned: the core says online verification is not usable. */
export const useOffline = () => useStatusStore((s) => s.status !== null && !s.status.online.online);
export const useClinicName = () => useStatusStore((s) => s.status?.clinicName ?? '');
export const useIdleSeconds = () => useStatusStore((s) => s.status?.idleTimeoutSeconds ?? DEFAULT_IDLE_SECONDS);
export const useDemoPanel = () => useStatusStore((s) => s.status?.demoPanel ?? false);
/** The data store's state; null until status arrives (or from a core without it). */
export const useStorage = () => useStatusStore((s) => s.status?.storage ?? null);
export const useStorageFailing = () => useStatusStore((s) => s.status?.storage?.state === 'failing');
export const useVoiceDefault = () => useStatusStore((s) => s.status?.voiceGuidance ?? false);
/** The clinic's date ('YYYY-MM-DD') from the core; null until the status has loaded. */
export const useToday = () => useStatusStore((s) => s.status?.today ?? null);
export const useConnection = () => useStatusStore((s) => s.connection);
export const useStatusActions = () => useStatusStore((s) => s.actions);

export const resetStatus = () => useStatusStore.setState({ status: null, connection: 'connecting' });
