/**
 * `npm run serve`: the browser host only. Prints the kiosk, staff and admin URLs (and, on first run, the
 * one-time setup code for the first admin — on this console only) and runs until stopped.
 * Environment: KIOSK_PORT, KIOSK_DATA_DIR, KIOSK_NOW, KIOSK_ONSHI_DIR (contracts §3); KIOSK_BIND and
 * KIOSK_LAN_PORT (expose on the clinic LAN over TLS, overriding the admin setting; KIOSK_BIND=off forces
 * loopback only), KIOSK_TLS_CERT / KIOSK_TLS_KEY (the clinic's own certificate).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, defaultDataDir } from '../core/index';
import { createLogger } from '../core/logger';
import { checkExposure, type Exposure } from '../core/staff-accounts/exposure';
import { startHost, type LanOptions } from './server';
import { certificateNames, loadOrCreateTls } from './tls';

function lanFromEnv(env: NodeJS.ProcessEnv): Exposure | 'off' | undefined {
  const bind = env.KIOSK_BIND?.trim();
  if (!bind) return undefined;
  if (bind === 'off' || bind === '127.0.0.1') return 'off';
  const e = checkExposure({
    bind,
    port: env.KIOSK_LAN_PORT ?? undefined,
    names: (env.KIOSK_LAN_NAMES ?? '').split(','),
  });
  if (typeof e === 'string') throw new Error(`KIOSK_BIND / KIOSK_LAN_PORT: ${e}`);
  return e;
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.KIOSK_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const dataDir = process.env.KIOSK_DATA_DIR ?? defaultDataDir();
  const port = process.env.KIOSK_PORT ? Number(process.env.KIOSK_PORT) : 5180;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`KIOSK_PORT is not a port: ${process.env.KIOSK_PORT}`);
  const log = createLogger({ dir: path.join(dataDir, 'logs'), scope: 'host' });
  // Nothing a client does may end the process: anything that escapes is logged and the host keeps serving.
  process.on('uncaughtException', (e) =>
    log.error('uncaught exception (host keeps running)', { error: e.message, stack: e.stack?.slice(0, 2000) }),
  );
  process.on('unhandledRejection', (e) =>
    log.error('unhandled rejection (host keeps running)', { error: e instanceof Error ? e.message : String(e) }),
  );

  const core = await createCore({ dataDir, now: process.env.KIOSK_NOW, onshiDir: process.env.KIOSK_ONSHI_DIR });
  const { clock, identity } = core.internals;

  const fromEnv = lanFromEnv(process.env);
  const exposure = fromEnv === 'off' ? undefined : (fromEnv ?? identity.exposure.get());
  let lan: LanOptions | undefined;
  let fingerprint: string | undefined;
  if (exposure) {
    const tls = await loadOrCreateTls({
      dataDir,
      certFile: process.env.KIOSK_TLS_CERT,
      keyFile: process.env.KIOSK_TLS_KEY,
      bindHost: exposure.bind,
      names: exposure.names,
      now: clock.now(),
    });
    if (!('cert' in tls)) throw new Error(tls.message);
    const { dns, ips } = certificateNames(exposure.bind, exposure.names);
    lan = {
      host: exposure.bind,
      port: exposure.port,
      tls,
      names: [...exposure.names, ...dns.filter((d) => d !== 'localhost'), ...ips.filter((i) => i !== '127.0.0.1')],
    };
    fingerprint = tls.fingerprint256;
  }
  const host = await startHost({ core, rendererDir, port, lan, log: log.child('http') });
  identity.reportServed({
    ...(host.lanUrl ? { lanUrl: host.lanUrl } : {}),
    ...(fingerprint ? { tlsFingerprint: fingerprint } : {}),
    ...(fromEnv ? { fromEnvironment: true } : {}),
  });
  const st = core.internals.settings.get();
  console.log(`[kiosk] browser host on ${host.url} (data: ${dataDir})`);
  console.log(`[kiosk]   kiosk:  ${host.url}/`);
  console.log(`[kiosk]   staff:  ${host.url}/staff   (sign-in required)`);
  console.log(`[kiosk]   admin:  ${host.url}/admin   (sign-in required)`);
  if (host.lanUrl) {
    console.log(`[kiosk] clinic LAN: ${host.lanUrl}/staff  (TLS; sign-in or an enrolled device required)`);
    console.log(`[kiosk]   certificate SHA-256: ${fingerprint}`);
  }
  console.log(
    `[kiosk] clinic date ${clock.today()}; reader: ${core.internals.terminal.kind}; clinic: ${st.clinicName}`,
  );
  const code = identity.setupCode();
  if (code) {
    console.log('[kiosk] No admin account yet. Create the first admin:');
    console.log(`[kiosk]   open ${host.url}/admin on this machine and enter the one-time setup code  ${code}`);
    console.log('[kiosk]   or run  npm run admin -- create-admin --name "<name>"  (asks for the password)');
  }
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(`[kiosk] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
