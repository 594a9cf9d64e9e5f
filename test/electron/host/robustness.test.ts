import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GateConnection, OpenOptions } from '../../../electron/core/staff-accounts/gate';
import {
  hostAllowed,
  isLoopbackAddress,
  originAllowed,
  parseAuthority,
  parseOrigin,
} from '../../../electron/host/headers';
import { startHost, type Host } from '../../../electron/host/server';
import { tempDir } from '../../helpers/core';
import { connect } from '../../helpers/host';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('Host and Origin parsing', () => {
  it('turns every malformed header into a refusal, never an exception', () => {
    for (const bad of [
      '',
      '[',
      'http://[',
      '[::1',
      'a:b:c',
      'host:99999',
      'host:0',
      'ho st',
      'u@host',
      'host/x',
      'x'.repeat(400),
      undefined,
      null,
      5,
    ])
      expect(() => parseAuthority(bad, 80)).not.toThrow();
    expect(parseAuthority('[', 80)).toBeUndefined();
    expect(parseAuthority('LocalHost:5180', 80)).toEqual({ host: 'localhost', port: 5180 });
    expect(parseAuthority('[::1]:5180', 80)).toEqual({ host: '::1', port: 5180 });
    for (const bad of [
      'null',
      'http://[',
      'file://',
      'http://a/b',
      'http://u:p@a',
      'javascript:alert(1)',
      'http://',
      '',
    ])
      expect(parseOrigin(bad)).toBeUndefined();
    expect(parseOrigin('https://kiosk.local:5443')).toEqual({
      scheme: 'https',
      authority: { host: 'kiosk.local', port: 5443 },
    });
    const list = { scheme: 'http' as const, port: 5180, hosts: new Set(['127.0.0.1', 'localhost']) };
    expect(hostAllowed(list, '127.0.0.1:5180')).toBe(true);
    expect(hostAllowed(list, 'evil.example:5180')).toBe(false);
    expect(hostAllowed(list, '127.0.0.1')).toBe(false); // port 80
    expect(originAllowed(list, 'http://localhost:5180')).toBe(true);
    expect(originAllowed(list, undefined)).toBe(false);
    expect(originAllowed(list, 'https://localhost:5180')).toBe(false);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('192.168.1.4')).toBe(false);
  });
});

describe('nothing a client does can end the host', () => {
  it('a handler that throws or rejects answers `internal`, closes that connection, and the host keeps serving', async () => {
    const rendererDir = tempDir('renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
    const core = {
      connect(o: OpenOptions): GateConnection {
        return {
          identity: () => o.base,
          recheck() {},
          close() {},
          handle(name) {
            if (name === 'boom.sync') throw new Error('sync failure');
            if (name === 'boom.async') return Promise.reject(new Error('async failure'));
            return Promise.resolve({ ok: true, value: 'pong' });
          },
        };
      },
    };
    host = await startHost({ core, rendererDir, port: 0 });
    for (const name of ['boom.sync', 'boom.async']) {
      const c = await connect(host.url);
      const r = await c.request(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await c.closed).toBe(1011);
    }
    const c = await connect(host.url);
    expect(await c.request('ping', {})).toEqual({ ok: true, value: 'pong' });
  });
});
