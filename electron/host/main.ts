/**
 * `npm run serve`: the browser host only. Prints the kiosk, staff and admin URLs and runs until stopped.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, defaultDataDir } from '../core/index';
import { startHost } from './server';

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.KIOSK_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const dataDir = process.env.KIOSK_DATA_DIR ?? defaultDataDir();
  const port = process.env.KIOSK_PORT ? Number(process.env.KIOSK_PORT) : 5180;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`KIOSK_PORT is not a port: ${process.env.KIOSK_PORT}`);
  const core = await createCore({
    dataDir,
    now: process.env.KIOSK_NOW,
    onshiDir: process.env.KIOSK_ONSHI_DIR,
    env: process.env,
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
