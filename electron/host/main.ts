/**
 * `npm run serve`: the browser host only. Prints the kiosk, staff and admin URLs (and, on first run, the
 * one-time setup code for the first admin — on this console only) and runs until stopped.
 * Environment: read once by ../config.ts (KIOSK_PORT, KIOSK_DATA_DIR, KIOSK_NOW, KIOSK_ONSHI_DIR, and the LAN
 * ones: KIOSK_BIND, KIOSK_LAN_PORT, KIOSK_LAN_NAMES, KIOSK_TLS_CERT / KIOSK_TLS_KEY).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { devicesFrom, readRuntimeConfig } from '../config';
import { createCore, defaultDataDir } from '../core/index';
import { createLogger } from '../core/logger';
import { startHost, type LanOptions } from './server';
import { certificateNames, loadOrCreateTls } from './tls';

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { config, warnings, errors } = readRuntimeConfig(process.env, { dataDir: defaultDataDir() });
  for (const w of warnings) console.warn(`[kiosk] ${w}`);
  if (errors.length) throw new Error(errors.join('; '));
  const { dataDir, port } = config;
  const rendererDir = config.rendererDir ?? path.resolve(here, '../renderer');
  const log = createLogger({ dir: path.join(dataDir, 'logs'), scope: 'host' });
  // Nothing a client does may end the process: anything that escapes is logged and the host keeps serving.
  process.on('uncaughtException', (e) =>
    log.error('uncaught exception (host keeps running)', { error: e.message, stack: e.stack?.slice(0, 2000) }),
  );
  process.on('unhandledRejection', (e) =>
    log.error('unhandled rejection (host keeps running)', { error: e instanceof Error ? e.message : String(e) }),
  );

  const core = await createCore({
    dataDir,
    ...(config.now ? { now: config.now } : {}),
    ...(config.onshiDir ? { onshiDir: config.onshiDir } : {}),
    ...devicesFrom(config),
    ...(config.orca ? { orca: config.orca } : {}),
    ...(config.restore ? { restore: config.restore } : {}),
  });
  const { clock, identity } = core.internals;

  const exposure = config.lan === 'off' ? undefined : (config.lan ?? identity.exposure.get());
  let lan: LanOptions | undefined;
  let fingerprint: string | undefined;
  if (exposure) {
    const tls = await loadOrCreateTls({
      dataDir,
      ...(config.tls ?? {}),
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
    ...(config.lan ? { fromEnvironment: true } : {}),
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
  console.log(`[kiosk]   call display: ${host.url}/display   (an enrolled display device)`);
  const printerSim = core.internals.devices.hub()?.printerSimulator();
  if (printerSim) console.log(`[kiosk] printer simulator on ${printerSim.url} (KIOSK_PRINTER=simulator)`);
  console.log(
    `[kiosk] clinic date ${clock.today()}; reader: ${core.internals.terminal.kind}; clinic: ${st.clinicName}`,
  );
  const code = identity.setupCode();
  if (code) {
    console.log('[kiosk] No admin account yet. Create the first admin:');
    console.log(`[kiosk]   open ${host.url}/admin on this machine and enter the one-time setup code  ${code}`);
    console.log('[kiosk]   or run  npm run admin -- create-admin --name "<name>"  (asks for the password)');
  }
  const orcaSim = core.internals.orcaSimulator;
  if (orcaSim) {
    console.log(`[kiosk] ORCA: demo simulator on ${orcaSim.url} (set KIOSK_ORCA_URL or /admin for a real ORCA)`);
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
