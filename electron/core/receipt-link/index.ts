/**
 * The receipt-link feature (レセコン連携): completed check-ins become 受付 in ORCA through the durable queue
 * (service.ts, worker.ts), and are written by the file exporter when the clinic set a folder. Staff see
 * each check-in's link state, retry, record "registered by hand", or cancel the 受付 (all audited);
 * admins set the connection and defaults. Events: 'receiptLink.updated', 'receiptLink.alert' (staff/admin).
 */
import type { CheckInSession } from '../../../shared/flow/session';
import type { QueueAlert } from '../../../shared/receipt-link/index';
import { createOrcaClient, type OrcaClient } from '../../integrations/orca/client';
import { createFileExporter } from '../../integrations/file-export/index';
import type { OrcaConnectionSettings } from '../../integrations/orca/config';
import type { PatientIdentity } from '../../integrations/orca/find-patient';
import type { AuditLog } from '../audit/index';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { createListeners, defineFeature } from '../feature';
import type { Logger } from '../logger';
import type { Db } from '../store/index';
import { linkHandlers } from './handlers';
import { RECEIPT_LINK_MIGRATIONS } from './migrations';
import { createReceiptLink, type LinkStatus } from './service';
import { createLinkSettings, type DemoOrca } from './settings';

export interface ReceiptLinkFeatureDeps {
  audit: AuditLog;
  clock: Clock;
  log: Logger;
  sessions: SessionManager;
  /** KIOSK_ORCA_* (electron/config.ts), when set: wins over the admin's connection settings. */
  fromEnvironment?: OrcaConnectionSettings;
  /** The embedded ORCA simulator of the demo, used when nothing else is configured. */
  demo?: () => DemoOrca | undefined;
  backoff?: { baseMs: number; maxMs: number };
  pollMs?: number;
}

/** Who the patient is, from the check-in: the verified card read, else the declaration or typed numbers. */
export function identityOf(s: CheckInSession): PatientIdentity {
  const kanaName = s.identity?.nameKana ?? s.declaration?.nameKana;
  const birthDate = s.identity?.birthDate ?? s.declaration?.birthDate ?? s.numbers?.birthDate;
  return { ...(kanaName ? { kanaName } : {}), ...(birthDate ? { birthDate } : {}) };
}

function exportRecordOf(s: CheckInSession, kind: 'checkin' | 'cancel', date: string, time: string) {
  const id = identityOf(s);
  const confirmedBy = s.identity?.source ?? (s.decision?.action === 'self-pay' ? 'self-pay' : 'none');
  return {
    kind,
    checkinId: s.id,
    ...(s.ticketNumber !== undefined ? { ticketNumber: s.ticketNumber } : {}),
    date,
    time,
    ...(id.kanaName ? { nameKana: id.kanaName } : {}),
    ...(id.birthDate ? { birthDate: id.birthDate } : {}),
    confirmedBy,
    verification: s.verification.status,
  };
}

export const receiptLinkFeature = defineFeature({
  name: 'receipt-link',
  migrations: RECEIPT_LINK_MIGRATIONS,
  create(deps: ReceiptLinkFeatureDeps & { db: Db }) {
    const { db, audit, clock, log, sessions } = deps;
    const settings = createLinkSettings(db, deps.fromEnvironment, deps.demo ?? (() => undefined));
    let cached: { key: string; client: OrcaClient } | undefined;
    const client = (): OrcaClient | undefined => {
      const e = settings.effective();
      if (!e.config.ok) return undefined;
      const key = JSON.stringify([e.config.config.baseUrl, e.config.config.user, e.config.config.password]);
      if (cached?.key !== key) cached = { key, client: createOrcaClient(e.config.config) };
      return cached.client;
    };
    const updates = createListeners<LinkStatus>((e) => log.error('receipt-link listener failed', { error: String(e) }));
    const alerts = createListeners<QueueAlert>((e) => log.error('receipt-link listener failed', { error: String(e) }));
    let lastAlert = '';
    const checkAlert = () => {
      const a = link.alert();
      const key = `${a.stuck}:${a.reason ?? ''}`;
      if (key !== lastAlert) {
        lastAlert = key;
        alerts.emit(a);
      }
    };
    const link = createReceiptLink({
      db,
      clock,
      logger: log,
      client,
      settings: () => {
        const e = settings.effective();
        const s = e.settings;
        return {
          enabled: s.enabled && e.source !== 'none',
          departmentCode: e.departmentCode,
          physicianCode: e.physicianCode,
          newPatient: s.newPatient,
        };
      },
      onChange: (st) => {
        updates.emit(st);
        checkAlert();
      },
      audit: (e) => audit.write({ at: clock.nowIso(), ...e }),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
    });

    const exportOf = (s: CheckInSession, kind: 'checkin' | 'cancel') => {
      const { exportDir, exportFormats } = settings.get();
      if (!exportDir || exportFormats.length === 0) return;
      const at = new Date(s.completedAt ?? s.updatedAt);
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: clock.timeZone,
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(at);
      const [date = '', time = ''] = local.split(' ');
      const r = createFileExporter({ dir: exportDir, formats: exportFormats }).write(
        exportRecordOf(s, kind, date, time),
      );
      if (!r.ok) log.warn('file export failed', { code: r.code, message: r.message, session: s.id });
    };

    const seen = new Map<string, string>();
    const onSession = (s: CheckInSession) => {
      if (seen.get(s.id) === s.state) return;
      const before = seen.get(s.id);
      seen.set(s.id, s.state);
      if (seen.size > 5000) seen.delete(seen.keys().next().value ?? '');
      if (s.state === 'completed' && s.completedAt) {
        link.enqueueRegistration({ checkinId: s.id, completedAt: s.completedAt, identity: identityOf(s) });
        exportOf(s, 'checkin');
      } else if (s.state === 'cancelled' && before === 'completed' && link.status(s.id)) {
        link.enqueueCancel(s.id);
        exportOf(s, 'cancel');
      }
    };
    let offSessions: (() => void) | undefined;
    let alertTimer: NodeJS.Timeout | undefined;

    return {
      service: { link, settings },
      handlers: linkHandlers({
        link,
        settings,
        sessions,
        audit,
        clock,
        client,
        cancelExport: (s) => exportOf(s, 'cancel'),
        refresh: checkAlert,
      }),
      subscribe: (caller, emit) => {
        // Staff and admin only: a link status carries candidates' kana names and birth dates (never a kiosk,
        // never the public call display).
        if (caller.role !== 'staff' && caller.role !== 'admin') return () => {};
        const off1 = updates.on((st) => emit('receiptLink.updated', st));
        const off2 = alerts.on((a) => emit('receiptLink.alert', a));
        return () => {
          off1();
          off2();
        };
      },
      start() {
        offSessions = sessions.onUpdate(onSession);
        link.start();
        alertTimer = setInterval(checkAlert, 5000);
        alertTimer.unref();
      },
      async close() {
        offSessions?.();
        if (alertTimer) clearInterval(alertTimer);
        await link.stop();
      },
    };
  },
});

export type ReceiptLinkFeature = ReturnType<typeof receiptLinkFeature.create>['service'];
