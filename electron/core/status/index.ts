/**
 * The kiosk's status: what every window shows (clinic clock, online state, clinic name, idle timeout, demo
 * panel), the admin's forced online / offline switch, and the events 'status.changed' (the online
 * monitor) and 'settings.changed' (after an admin changed a setting a window shows).
 */
import { ADMIN_SETTING_KEYS } from '../../../shared/settings';
import type { KioskStatus, StorageStatus } from '../../../shared/api/index';
import type { AuditLog } from '../audit/index';
import type { Clock } from '../clock';
import { defineFeature } from '../feature';
import type { OnlineMonitor } from '../monitor';
import { actorName, fail, ok, type RequestTable } from '../requests';
import type { SettingsService } from '../settings/index';
import type { Db } from '../store/index';

export interface StatusDeps {
  audit: AuditLog;
  clock: Clock;
  monitor: OnlineMonitor;
  settings: SettingsService;
  readerKind: KioskStatus['readerAdapter'];
  demoAvailable: () => boolean;
  /** The 診察券 reader actually in use (KIOSK_CARD_READER may override the setting). */
  patientCardMode: () => KioskStatus['patientCardReader'];
  /** The storage feature's health (failing while check-ins cannot be saved). */
  storage?: () => StorageStatus;
}

export const statusFeature = defineFeature({
  name: 'status',
  migrations: [],
  create({
    audit,
    clock,
    monitor,
    settings,
    readerKind,
    demoAvailable,
    patientCardMode,
    storage,
  }: StatusDeps & { db: Db }) {
    const status = (): KioskStatus => {
      const s = settings.get();
      return {
        now: clock.nowIso(),
        today: clock.today(),
        online: monitor.status(),
        clinicName: s.clinicName,
        languages: s.languages,
        idleTimeoutSeconds: s.idleTimeoutSeconds,
        demoPanel: demoAvailable(),
        readerAdapter: readerKind,
        patientCardReader: patientCardMode(),
        callRooms: s.callRooms,
        displaySpeechLanguages: s.displaySpeechLanguages,
        voiceGuidance: s.voiceGuidance,
        ...(storage ? { storage: storage() } : {}),
      };
    };
    const handlers: Pick<RequestTable, 'status.get' | 'admin.setOnlineMode'> = {
      'status.get': () => ok(status()),
      'admin.setOnlineMode': (ctx, { mode, staff: typed, reason }) => {
        const staff = actorName(ctx, typed);
        const at = ctx.now;
        const u = settings.update({ onlineMode: mode }, at);
        if (!u.ok) return fail('invalid-payload', u.message);
        audit.write({ at, actor: `admin:${staff}`, action: 'online-mode', detail: `${mode}: ${reason}` });
        return ok(monitor.setMode(mode));
      },
    };
    return {
      service: { status },
      handlers,
      subscribe(_caller, emit) {
        const offStatus = monitor.onChange((st) => emit('status.changed', st));
        const offSettings = settings.onChange(({ changed }) => {
          if (ADMIN_SETTING_KEYS.some((k) => changed.includes(k))) emit('settings.changed', status());
        });
        return () => {
          offStatus();
          offSettings();
        };
      },
    };
  },
});
