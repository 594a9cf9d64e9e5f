/**
 * Screenshots of the device-facing output, to LOOK at: the waiting-room display at 1920x1080 (with 1, 2
 * and 3 rooms, and empty while reconnecting) and the 受付票 as the printer would put it on paper (the
 * ESC/POS bytes read back by the preview renderer, drawn as SVG, rasterised by Chromium).
 *   npx tsx test/screenshots/devices.ts    → test-results/screens/{display-*.png, ticket.png, ticket.svg}
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { interpretEscPos, renderSvg } from '../../electron/devices/printer/preview';
import { encodeTicket } from '../../electron/devices/printer/ticket';
import { launchChromium, LANDSCAPE, ROOT } from '../e2e/harness';

const OUT = path.join(ROOT, 'test-results', 'screens');
const WORK = path.join(ROOT, 'test-results', 'screens', 'harness');

async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  await build({
    entryPoints: [path.join(ROOT, 'test/screenshots/display-harness.tsx')],
    bundle: true,
    outdir: WORK,
    format: 'iife', // file:// pages cannot load module scripts
    jsx: 'automatic',
    loader: { '.woff2': 'file', '.woff': 'file' },
    logLevel: 'warning',
  });
  fs.writeFileSync(
    path.join(WORK, 'index.html'),
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="stylesheet" href="display-harness.css"></head>' +
      '<body style="margin:0"><div id="root"></div><script src="display-harness.js"></script></body></html>',
  );

  const bytes = encodeTicket({
    clinicName: 'さくら内科クリニック',
    ticketNumber: 12,
    issuedAt: new Date('2026-11-25T00:41:00Z'),
    timeZone: 'Asia/Tokyo',
    nextStep: 'wait-for-call',
    documentsToShow: ['elderly-recipient-certificate', 'limit-certificate'],
  });
  const read = interpretEscPos(bytes);
  if (!read.ok) throw new Error(read.message);
  const svg = renderSvg(read.elements);
  fs.writeFileSync(path.join(OUT, 'ticket.svg'), svg);
  const fontDir = path.join(ROOT, 'node_modules/@fontsource/biz-udgothic');
  const fontCss = ['400', '700']
    .map((w) =>
      fs.readFileSync(path.join(fontDir, `${w}.css`), 'utf8').replaceAll('./files/', `file://${fontDir}/files/`),
    )
    .join('\n');
  fs.writeFileSync(
    path.join(WORK, 'ticket.html'),
    `<!doctype html><html><head><meta charset="utf-8"><style>${fontCss} body{margin:0;background:#999;padding:24px;display:inline-block}</style></head><body>${svg}</body></html>`,
  );

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: LANDSCAPE });
    for (const which of ['one', 'two', 'three', 'empty']) {
      await page.goto(`file://${WORK}/index.html?board=${which}`);
      if (which === 'empty') {
        // First as a restarted TV with the host down (the last board from its cache), then truly empty.
        await page.getByRole('region', { name: /お呼び出し中/ }).waitFor();
        await page.screenshot({ path: path.join(OUT, 'display-restart-cached.png') });
        await page.evaluate(() => localStorage.clear());
        await page.reload();
      }
      await page.getByRole('region', { name: /お呼び出し中/ }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      // let the flash animation finish so the shot shows the steady state
      await page.addStyleTag({ content: '.display-call{animation:none!important}' });
      await page.screenshot({ path: path.join(OUT, `display-${which}.png`) });
    }
    const ticket = await browser.newPage({ viewport: { width: 640, height: 1200 } });
    await ticket.goto(`file://${WORK}/ticket.html`);
    await ticket.evaluate(() => document.fonts.ready);
    await ticket.locator('svg').screenshot({ path: path.join(OUT, 'ticket.png') });
  } finally {
    await browser.close();
  }
  console.log(`screens written to ${OUT}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
