import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuntimeConfig } from '../../electron/config';

const defaults = { dataDir: '/home/clinic/.local/share/clinic-reception-kiosk' };
const base = { dataDir: path.resolve(defaults.dataDir), port: 5180, kioskId: 'kiosk-1', staffWindow: 'auto' };

describe('readRuntimeConfig (one parser for the shell and the host)', () => {
  it('defaults: the app-data folder, the simulator, port 5180, kiosk-1, auto staff window', () => {
    expect(readRuntimeConfig({}, defaults)).toEqual({ config: base, warnings: [], errors: [] });
  });

  it('reads KIOSK_DATA_DIR, KIOSK_NOW, KIOSK_ONSHI_DIR, KIOSK_PORT, KIOSK_ID and KIOSK_STAFF_WINDOW', () => {
    const { config, warnings, errors } = readRuntimeConfig(
      {
        KIOSK_DATA_DIR: 'data',
        KIOSK_NOW: '2026-11-23T09:00:00+09:00',
        KIOSK_ONSHI_DIR: '/mnt/onshi',
        KIOSK_PORT: '0',
        KIOSK_ID: 'front-2',
        KIOSK_STAFF_WINDOW: 'Never',
      },
      defaults,
    );
    expect([warnings, errors]).toEqual([[], []]);
    expect(config).toEqual({
      dataDir: path.resolve('data'),
      now: '2026-11-23T09:00:00+09:00',
      onshiDir: path.resolve('/mnt/onshi'),
      port: 0,
      kioskId: 'front-2',
      staffWindow: 'never',
    });
  });

  it('KIOSK_RENDERER_DIR (development): another renderer build for the browser host', () => {
    expect(readRuntimeConfig({ KIOSK_RENDERER_DIR: 'build/r' }, defaults).config.rendererDir).toBe(
      path.resolve('build/r'),
    );
  });

  it('treats empty values as unset', () => {
    const { config } = readRuntimeConfig(
      { KIOSK_DATA_DIR: '', KIOSK_NOW: ' ', KIOSK_ONSHI_DIR: '', KIOSK_PORT: '' },
      defaults,
    );
    expect(config).toEqual(base);
  });

  it('falls back, with a warning, on an invalid kiosk id or staff window mode', () => {
    const { config, warnings } = readRuntimeConfig({ KIOSK_ID: '../etc', KIOSK_STAFF_WINDOW: 'sometimes' }, defaults);
    expect(config.kioskId).toBe('kiosk-1');
    expect(config.staffWindow).toBe('auto');
    expect(warnings).toHaveLength(2);
  });

  it.each(['-1', '65536', '80a', '1e3', '0x50'])('KIOSK_PORT=%s is an error, not a guess', (p) => {
    expect(readRuntimeConfig({ KIOSK_PORT: p }, defaults).errors).toEqual([expect.stringContaining('KIOSK_PORT')]);
  });

  it('KIOSK_PRINTER: tcp://HOST:PORT (raw ESC/POS) or a device path', () => {
    expect(readRuntimeConfig({ KIOSK_PRINTER: 'tcp://192.168.1.50:9100' }, defaults).config.printer).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(readRuntimeConfig({ KIOSK_PRINTER: '/dev/usb/lp0' }, defaults).config.printer).toEqual({
      kind: 'device',
      path: '/dev/usb/lp0',
    });
    for (const bad of ['tcp://printer', 'tcp://printer:99999', 'http://printer:9100']) {
      const r = readRuntimeConfig({ KIOSK_PRINTER: bad }, defaults);
      expect(r.config.printer).toBeUndefined();
      expect(r.errors).toEqual([expect.stringContaining('KIOSK_PRINTER')]);
    }
  });

  it('KIOSK_PRINTER=simulator and KIOSK_CARD_READER are parsed here, once', () => {
    const r = readRuntimeConfig({ KIOSK_PRINTER: 'simulator', KIOSK_CARD_READER: 'hid:0c2e:0b8f:8c' }, defaults);
    expect(r.errors).toEqual([]);
    expect(r.config.printer).toEqual({ kind: 'simulator' });
    expect(r.config.cardReader).toMatchObject({
      mode: 'hid',
      config: { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c, format: 'pos' },
    });
    expect(readRuntimeConfig({ KIOSK_CARD_READER: 'simulator' }, defaults).config.cardReader).toEqual({
      mode: 'simulator',
    });
    const bad = readRuntimeConfig({ KIOSK_CARD_READER: 'usb' }, defaults);
    expect(bad.config.cardReader).toBeUndefined();
    expect(bad.errors).toEqual([expect.stringContaining('KIOSK_CARD_READER')]);
  });

  it('KIOSK_ORCA_*: an http(s) base URL and Basic credentials; the password never appears in a message', () => {
    const env = {
      KIOSK_ORCA_URL: 'http://orca.local:8000/',
      KIOSK_ORCA_USER: 'ormaster',
      KIOSK_ORCA_PASSWORD: 's3cret',
    };
    expect(readRuntimeConfig(env, defaults).config.orca).toEqual({
      url: 'http://orca.local:8000',
      user: 'ormaster',
      password: 's3cret',
    });
    const bad = readRuntimeConfig({ ...env, KIOSK_ORCA_URL: 'http://u:s3cret@orca.local' }, defaults);
    expect(bad.config.orca).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
    expect(JSON.stringify(bad)).not.toContain('s3cret');
    const orphan = readRuntimeConfig({ KIOSK_ORCA_PASSWORD: 's3cret' }, defaults);
    expect(orphan.config.orca).toBeUndefined();
    expect(orphan.warnings.join()).not.toContain('s3cret');
    const weborca = readRuntimeConfig(
      { ...env, KIOSK_ORCA_CERT: '/etc/kiosk/clinic.p12', KIOSK_ORCA_CERT_PASSWORD: 'p12pw' },
      defaults,
    );
    expect(weborca.config.orca).toMatchObject({ clientCertPath: '/etc/kiosk/clinic.p12', clientCertPassword: 'p12pw' });
    expect([...weborca.warnings, ...weborca.errors].join()).not.toContain('p12pw');
  });
});

describe('LAN exposure from the environment (issue 8)', () => {
  const read = (env: Record<string, string>) => readRuntimeConfig(env, { dataDir: '/data' });
  it('parses KIOSK_BIND, KIOSK_LAN_PORT, KIOSK_LAN_NAMES and the TLS files; off means loopback only', () => {
    expect(read({ KIOSK_BIND: '192.168.1.20', KIOSK_LAN_NAMES: 'kiosk.local, reception' }).config.lan).toEqual({
      bind: '192.168.1.20',
      port: 5443,
      names: ['kiosk.local', 'reception'],
    });
    expect(read({ KIOSK_BIND: '0.0.0.0', KIOSK_LAN_PORT: '8443' }).config.lan).toMatchObject({
      bind: '0.0.0.0',
      port: 8443,
    });
    expect(read({ KIOSK_BIND: 'off' }).config.lan).toBe('off');
    expect(read({}).config.lan).toBeUndefined();
    expect(read({ KIOSK_TLS_CERT: '/c.pem', KIOSK_TLS_KEY: '/k.pem' }).config.tls).toEqual({
      certFile: '/c.pem',
      keyFile: '/k.pem',
    });
  });
  it('refuses what cannot be served safely', () => {
    expect(read({ KIOSK_BIND: 'example.com' }).errors).toHaveLength(1);
    expect(read({ KIOSK_BIND: '192.168.1.20', KIOSK_LAN_PORT: '80' }).errors).toHaveLength(1);
    expect(read({ KIOSK_BIND: '192.168.1.20', KIOSK_LAN_NAMES: 'bad name!' }).errors).toHaveLength(1);
    expect(read({ KIOSK_TLS_CERT: '/c.pem' }).errors).toEqual(['set both KIOSK_TLS_CERT and KIOSK_TLS_KEY']);
  });
});
