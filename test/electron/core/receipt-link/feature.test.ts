/**
 * The receipt-link feature through the core's API: a demo check-in (terminal simulator card read) becomes a
 * 受付 in the embedded ORCA simulator over HTTP; staff see its state live, cancel it (audited); admins set
 * the connection (the password never comes back) and read departments and doctors from ORCA; the file
 * exporter writes the check-in into a folder.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckInSession } from '../../../../shared/flow/session';
import type { LinkStatus, OrcaChoices, ReceiptLinkSettingsView } from '../../../../shared/receipt-link/index';
import type { Core } from '../../../../electron/core/index';
import { startOrcaSimulator } from '../../../../electron/integrations/orca/simulator';
import { simPatientsFrom } from '../../../../electron/integrations/orca/simulator-data';
import { ADMIN, KIOSK, STAFF, makeCore, tempDir } from '../../../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
function value<T>(r: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function checkIn(core: Core): Promise<CheckInSession> {
  const s = value<CheckInSession>(await core.handle(KIOSK, 'session.start', { kioskId: 'kiosk-1' }));
  value(
    await core.handle(KIOSK, 'session.send', {
      sessionId: s.id,
      event: { type: 'choose-document', document: 'myna-card' },
    }),
  );
  const personas = value<{ id: string }[]>(await core.handle(KIOSK, 'demo.personas', {}));
  value(await core.handle(KIOSK, 'demo.presentCard', { persona: personas[0]!.id }));
  await expect
    .poll(async () => value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id })).state, {
      timeout: 10_000,
    })
    .toBe('completed');
  return value<CheckInSession>(await core.handle(KIOSK, 'session.get', { sessionId: s.id }));
}

describe('receipt-link feature (core API, demo ORCA over HTTP)', () => {
  it('a completed check-in is registered in ORCA; staff see it live and can cancel it', async () => {
    const exportDir = tempDir('kiosk-export-');
    const { core } = await makeCore();
    cores.push(core);
    const orca = core.internals.orcaSimulator;
    if (!orca) throw new Error('the demo should embed an ORCA simulator');
    value(
      await core.handle(ADMIN, 'admin.updateReceiptLinkSettings', {
        settings: {
          enabled: true,
          url: '',
          user: 'ormaster',
          departmentCode: '',
          physicianCode: '',
          newPatient: false,
          exportDir,
          exportFormats: ['json', 'csv'],
        },
        staff: '管理者',
        reason: 'export for the old レセコン',
      }),
    );
    const staffEvents: LinkStatus[] = [];
    const kioskEvents: string[] = [];
    core.subscribe(STAFF, (e, p) => e === 'receiptLink.updated' && staffEvents.push(p as LinkStatus));
    core.subscribe(KIOSK, (e) => kioskEvents.push(e));

    const s = await checkIn(core);
    await expect
      .poll(async () => value<LinkStatus[]>(await core.handle(STAFF, 'staff.receiptLinks', {})).map((l) => l.state), {
        timeout: 10_000,
      })
      .toEqual(['registered']);
    const [link] = value<LinkStatus[]>(await core.handle(STAFF, 'staff.receiptLinks', {}));
    expect(link).toMatchObject({ checkinId: s.id, state: 'registered', acceptanceId: '00001', patientId: '00101' });
    expect(orca.acceptances).toEqual([
      expect.objectContaining({
        patientId: '00101',
        date: '2026-11-25',
        departmentCode: '01',
        physicianCode: '10001',
        cancelled: false,
      }),
    ]);
    expect(orca.acceptances[0]?.time).toMatch(/^09:0\d:\d\d$/);
    expect(staffEvents.map((e) => e.state)).toContain('registered');
    expect(kioskEvents.filter((e) => e.startsWith('receiptLink'))).toEqual([]);
    expect(fs.readdirSync(exportDir).sort()).toEqual([
      expect.stringMatching(/^uketsuke-20261125-09\d{4}-0001-.*\.csv$/),
      expect.stringMatching(/\.json$/),
    ]);

    expect(await core.handle(KIOSK, 'staff.receiptLinks', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The audit names the signed-in person the gate put on the caller, not the name typed into the request.
    const signedIn = { ...STAFF, actor: { accountId: 'acc-1', name: '受付 花子' } };
    const cancelled = value<LinkStatus>(
      await core.handle(signedIn, 'staff.receiptLinkCancel', {
        checkinId: s.id,
        staff: '田中',
        reason: '患者さんが帰られた',
      }),
    );
    expect(['waiting', 'cancelled']).toContain(cancelled.state);
    await expect.poll(() => orca.acceptances[0]?.cancelled, { timeout: 10_000 }).toBe(true);
    expect(core.internals.audit.list().find((a) => a.action === 'receipt-link.cancel')).toMatchObject({
      actor: 'staff:受付 花子',
      subject: s.id,
    });
  });

  it('admin settings: password is write-only, choices come from ORCA, a bad URL is refused', async () => {
    const { core } = await makeCore();
    cores.push(core);
    const view = value<ReceiptLinkSettingsView>(await core.handle(ADMIN, 'admin.receiptLinkSettings', {}));
    expect(view).toMatchObject({ enabled: true, passwordSet: false, source: 'none' });
    const choices = value<OrcaChoices>(await core.handle(ADMIN, 'admin.orcaChoices', {}));
    expect(choices).toEqual({
      ok: true,
      departments: [
        { code: '01', name: '内科' },
        { code: '03', name: '小児科' },
        { code: '04', name: '整形外科' },
      ],
      physicians: [
        { code: '10001', name: '鈴木　一郎' },
        { code: '10002', name: '高橋　花子' },
      ],
    });
    const base = {
      enabled: true,
      user: 'ormaster',
      departmentCode: '01',
      physicianCode: '10002',
      newPatient: true,
      exportDir: '',
      exportFormats: [],
    };
    expect(
      await core.handle(ADMIN, 'admin.updateReceiptLinkSettings', {
        settings: { ...base, url: 'ftp://x' },
        staff: 'a',
        reason: 'r',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const saved = value<ReceiptLinkSettingsView>(
      await core.handle(ADMIN, 'admin.updateReceiptLinkSettings', {
        settings: { ...base, url: 'http://127.0.0.1:9', password: 'secret-pw' },
        staff: 'a',
        reason: 'connect our ORCA',
      }),
    );
    expect(saved).toMatchObject({
      url: 'http://127.0.0.1:9',
      passwordSet: true,
      source: 'settings',
      physicianCode: '10002',
    });
    expect(JSON.stringify(saved)).not.toContain('secret-pw');
    expect(JSON.stringify(core.internals.audit.list())).not.toContain('secret-pw');
    expect(await core.handle(STAFF, 'admin.receiptLinkSettings', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('KIOSK_ORCA_* (runtime config) wins: no demo ORCA, check-ins go to the configured one', async () => {
    const orca = await startOrcaSimulator({
      patients: simPatientsFrom([{ name: '試験　太郎', nameKana: 'ｼｹﾝ ﾀﾛｳ', birthDate: '1980-01-15' }]),
    });
    try {
      const { core } = await makeCore({ orca: { url: orca.url, user: 'ormaster', password: 'ormaster' } });
      cores.push(core);
      expect(core.internals.orcaSimulator).toBeUndefined();
      expect(value<ReceiptLinkSettingsView>(await core.handle(ADMIN, 'admin.receiptLinkSettings', {})).source).toBe(
        'environment',
      );
      value(
        await core.handle(ADMIN, 'admin.updateReceiptLinkSettings', {
          settings: {
            enabled: true,
            url: '',
            user: '',
            departmentCode: '01',
            physicianCode: '10001',
            newPatient: false,
            exportDir: '',
            exportFormats: [],
          },
          staff: '管理者',
          reason: '既定の診療科',
        }),
      );
      const s = await checkIn(core);
      await expect.poll(() => orca.acceptances.length, { timeout: 10_000 }).toBe(1);
      expect(orca.acceptances[0]).toMatchObject({ patientId: '00101', departmentCode: '01' });
      expect(value<LinkStatus[]>(await core.handle(STAFF, 'staff.receiptLinks', {}))[0]).toMatchObject({
        checkinId: s.id,
      });
    } finally {
      await cores.pop()?.close();
      await orca.stop();
    }
  });
});
