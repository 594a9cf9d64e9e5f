/**
 * The receipt-link requests: staff see and act on each check-in's ORCA link (every act audited with the
 * staff name and reason), admins set the connection and pick the default 診療科 / 医師 from ORCA.
 */
import type { CheckInSession } from '../../../shared/flow/session';
import type { OrcaCodeName } from '../../../shared/receipt-link/index';
import type { OrcaClient } from '../../integrations/orca/client';
import type { AuditLog } from '../audit/index';
import type { SessionManager } from '../checkin/sessions';
import type { Clock } from '../clock';
import { actorName, fail, ok, type RequestTable } from '../requests';
import type { ReceiptLink, StaffActionResult } from './service';
import type { LinkSettings } from './settings';

type LinkRequests =
  | 'staff.receiptLinks'
  | 'staff.receiptLinkAlert'
  | 'staff.receiptLinkRetry'
  | 'staff.receiptLinkByHand'
  | 'staff.receiptLinkCancel'
  | 'admin.receiptLinkSettings'
  | 'admin.updateReceiptLinkSettings'
  | 'admin.orcaChoices';

export interface LinkHandlerDeps {
  link: ReceiptLink;
  settings: LinkSettings;
  sessions: SessionManager;
  audit: AuditLog;
  clock: Clock;
  client: () => OrcaClient | undefined;
  cancelExport: (s: CheckInSession) => void;
  refresh: () => void;
}

function result(r: StaffActionResult) {
  if (r.ok) return ok(r.status);
  return fail(r.code === 'not-found' ? 'not-found' : r.code === 'invalid' ? 'invalid-payload' : 'conflict', r.message);
}

export function linkHandlers(d: LinkHandlerDeps): Pick<RequestTable, LinkRequests> {
  const { link, settings, sessions, audit, clock } = d;
  return {
    'staff.receiptLinks': (_ctx, { date }) => {
      const day = date ?? clock.today();
      return ok(sessions.list(day).flatMap((s) => link.status(s.id) ?? []));
    },
    'staff.receiptLinkAlert': () => ok(link.alert()),
    // Audited acts name the signed-in person (caller.actor), not a name typed into the request.
    'staff.receiptLinkRetry': (ctx, { checkinId, patientId, staff, reason }) =>
      result(link.retry(checkinId, `staff:${actorName(ctx, staff)}`, { reason, ...(patientId ? { patientId } : {}) })),
    'staff.receiptLinkByHand': (ctx, { checkinId, acceptanceId, staff, reason }) =>
      result(
        link.markDoneByHand(checkinId, `staff:${actorName(ctx, staff)}`, {
          reason,
          ...(acceptanceId ? { acceptanceId } : {}),
        }),
      ),
    'staff.receiptLinkCancel': (ctx, { checkinId, staff, reason }) => {
      const { now } = ctx;
      const s = sessions.get(checkinId);
      if (!s) return fail('not-found', 'no such check-in');
      const st = link.enqueueCancel(checkinId);
      if (!st) return fail('not-found', 'this check-in has no ORCA link');
      audit.write({
        at: now,
        actor: `staff:${actorName(ctx, staff)}`,
        action: 'receipt-link.cancel',
        subject: checkinId,
        detail: reason,
      });
      d.cancelExport(s);
      return ok(st);
    },
    'admin.receiptLinkSettings': () => ok(settings.view()),
    'admin.updateReceiptLinkSettings': (ctx, { settings: input, staff, reason }) => {
      const { now } = ctx;
      const u = settings.update(input, now);
      if (!u.ok) return fail('invalid-payload', u.message);
      if (u.changed.length) {
        // The password itself never goes into the audit log.
        audit.write({
          at: now,
          actor: `admin:${actorName(ctx, staff)}`,
          action: 'settings.receipt-link',
          detail: `${u.changed.join(', ')}: ${reason}`,
        });
        link.kick();
        d.refresh();
      }
      return ok(settings.view());
    },
    'admin.orcaChoices': async () => {
      const c = d.client();
      if (!c) return ok({ ok: false as const, reason: 'orca-not-configured' as const, detail: 'no ORCA URL' });
      const today = clock.today();
      const [deps, docs] = await Promise.all([c.departments(today), c.physicians(today)]);
      if (!deps.ok || !docs.ok) {
        const e = !deps.ok ? deps.error : !docs.ok ? docs.error : undefined;
        return ok({
          ok: false as const,
          reason: e?.code === 'auth' ? ('orca-auth' as const) : ('orca-unreachable' as const),
          detail: e?.message ?? 'ORCA did not answer',
        });
      }
      const trim = (list: OrcaCodeName[]) => list.slice(0, 200).map((x) => ({ code: x.code, name: x.name }));
      return ok({ ok: true as const, departments: trim(deps.value), physicians: trim(docs.value) });
    },
  };
}
