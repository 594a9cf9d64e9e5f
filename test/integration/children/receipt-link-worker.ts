/**
 * A kiosk process for the kill test: opens the data folder's SQLite file, runs the receipt-link queue
 * against ORCA (KIOSK_ORCA_URL) and works until it is killed. Started by receipt-link-kill.test.ts.
 */
import { linkHarness } from '../../helpers/receipt-link';

const url = process.env.KIOSK_ORCA_URL;
const dir = process.env.KIOSK_DATA_DIR;
if (!url || !dir) {
  process.stderr.write('KIOSK_ORCA_URL and KIOSK_DATA_DIR are required\n');
  process.exit(2);
}
const h = linkHarness(url, { dir });
h.link.start();
process.stdout.write('started\n');
