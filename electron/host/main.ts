/**
 * `npm run serve`: the browser host only. Prints the kiosk, staff and admin URLs and runs until stopped.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRuntimeConfig } from '../config';
import { createCore, defaultDataDir } from '../core/index';
import { startHost } from './server';

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.KIOSK_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const { config, warnings, errors } = readRuntimeConfig(process.env, { dataDir: defaultDataDir() });
  for (const w of warnings) console.warn(`[kiosk] ${w}`);
  if (errors.length) throw new Error(errors.join('; '));
  const { dataDir, port } = config;
  const core = await createCore({
    dataDir,
    ...(config.now ? { now: config.now } : {}),
    ...(config.onshiDir ? { onshiDir: config.onshiDir } : {}),
    env: process.env, // KIOSK_PRINTER (also 'simulator'), KIOSK_CARD_READER: the devices feature
  });
  const host = await startHost({ core, rendererDir, port });
  const st = await core.handle({ role: 'staff', kioskId: 'host' }, 'status.get', {});
  console.log(`[kiosk] browser host on ${host.url} (data: ${dataDir})`);
  console.log(`[kiosk]   kiosk:  ${host.url}/`);
  console.log(`[kiosk]   staff:  ${host.url}/staff`);
  console.log(`[kiosk]   admin:  ${host.url}/admin`);
  console.log(`[kiosk]   call display: ${host.url}/display`);
  const printerSim = core.internals.devices.hub()?.printerSimulator();
  if (printerSim) console.log(`[kiosk] printer simulator on ${printerSim.url} (KIOSK_PRINTER=simulator)`);
  if (st.ok) {
    const v = st.value as { today: string; readerAdapter: string };
    console.log(`[kiosk] clinic date ${v.today}; reader: ${v.readerAdapter}`);
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
