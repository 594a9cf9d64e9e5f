/**
 * Connection settings: environment over admin settings, refusals with reasons, and WebORCA's client
 * certificate over real HTTPS (the simulator requires a certificate signed by the test CA).
 */
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrcaClient } from '../../electron/integrations/orca/client';
import { orcaConfigFrom } from '../../electron/integrations/orca/config';
import { startOrcaSimulator, type OrcaSimulator } from '../../electron/integrations/orca/simulator';

const tls = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'orca-tls');
let sim: OrcaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('ORCA connection settings', () => {
  it('the environment wins over the admin settings; unset is "not configured"', () => {
    const settings = { url: 'http://orca.local:8000', user: 'a', password: 'b' };
    expect(
      orcaConfigFrom(settings, {
        KIOSK_ORCA_URL: 'http://10.0.0.5:8000',
        KIOSK_ORCA_USER: 'ormaster',
        KIOSK_ORCA_PASSWORD: 'pw',
      }),
    ).toEqual({
      ok: true,
      source: 'environment',
      config: { baseUrl: 'http://10.0.0.5:8000/', user: 'ormaster', password: 'pw', format: 'auto' },
    });
    expect(orcaConfigFrom(settings, {})).toMatchObject({
      ok: true,
      source: 'settings',
      config: { baseUrl: 'http://orca.local:8000/', user: 'a' },
    });
    expect(orcaConfigFrom(undefined, {})).toMatchObject({ ok: false, code: 'not-configured' });
  });

  it('refuses what cannot be right, with a reason', () => {
    expect(orcaConfigFrom({ url: 'ftp://orca' }, {})).toMatchObject({ ok: false, code: 'invalid' });
    expect(orcaConfigFrom({ url: 'http://u:p@orca:8000' }, {})).toMatchObject({ ok: false, code: 'invalid' });
    expect(orcaConfigFrom({ url: 'not a url' }, {})).toMatchObject({ ok: false, code: 'invalid' });
    expect(orcaConfigFrom({ url: 'https://orca', clientCertPath: '/nonexistent.p12' }, {})).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('WebORCA style: HTTPS with a PKCS#12 client certificate plus Basic; without the certificate the handshake fails', async () => {
    sim = await startOrcaSimulator({
      tls: {
        key: fs.readFileSync(path.join(tls, 'server.key')),
        cert: fs.readFileSync(path.join(tls, 'server.pem')),
        ca: fs.readFileSync(path.join(tls, 'ca.pem')),
      },
    });
    const cfg = orcaConfigFrom(undefined, {
      KIOSK_ORCA_URL: sim.url,
      KIOSK_ORCA_USER: 'ormaster',
      KIOSK_ORCA_PASSWORD: 'ormaster',
      KIOSK_ORCA_CERT: path.join(tls, 'client.p12'),
      KIOSK_ORCA_CERT_PASSWORD: 'test-only',
    });
    if (!cfg.ok) throw new Error(cfg.message);
    const ca = fs.readFileSync(path.join(tls, 'ca.pem'));
    const client = createOrcaClient({ ...cfg.config, ca });
    const r = await client.getPatient('00001');
    expect(r.ok && r.value.patient?.patientId).toBe('00001');

    const noCert = createOrcaClient({ baseUrl: sim.url, user: 'ormaster', password: 'ormaster', ca, timeoutMs: 2000 });
    expect(await noCert.getPatient('00001')).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
