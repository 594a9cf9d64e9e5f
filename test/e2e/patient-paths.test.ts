/// <reference lib="dom" />
/**
 * Every document path in every language, online and (forced by the admin) offline, walked in Chromium by
 * role and accessible name with the real browser host, the real core and the terminal simulator (see
 * ./walk.ts). Prints the taps per path and language (issue 10's "less typing"), runs axe-core on every
 * patient screen it passes and on the staff and admin consoles, and fails on any serious or critical
 * violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../shared/i18n/locales';
import { translate, type PatientKey } from '../../renderer/src/i18n';
import { LANDSCAPE, PORTRAIT, launchChromium, startHostProcess, type HostProcess } from './harness';
import { axeSerious, openSignedIn, setOnlineMode, unmarkedJapanese, type AxeViolation } from './kiosk';
import { candidates, DOCUMENTS, SCREENS, TIE_BREAKS, walk, type Mode, type WalkResult } from './walk';

let browser: Browser;
/**
 * Four hosts, so that two languages walk online and offline side by side (a host has one kiosk on its
 * loopback, and one check-in at a time on it): two left as they are, two forced offline by their admin
 * (as a clinic would, 「常にオフライン」). The walks wait mostly for the kiosk's per-step tap guard, not
 * for the CPU, so side by side they take about the time of one.
 */
const LANES = 2;
const hosts: Record<Mode, HostProcess[]> = { online: [], offline: [] };
const results: WalkResult[] = [];
const violations: { where: string; v: AxeViolation[] }[] = [];
/** Japanese text on a screen in another language without `lang="ja"` (see unmarkedJapanese). */
const unmarked: { where: string; texts: string[] }[] = [];
let axeRuns = 0;
let axeMs = 0;
/** 4 × 9 walks side by side, on a loaded 2-core machine. */
const WALKS_TIMEOUT = 300_000;

beforeAll(async () => {
  browser = await launchChromium();
  const started = await Promise.all(Array.from({ length: 2 * LANES }, () => startHostProcess()));
  hosts.online = started.slice(0, LANES);
  hosts.offline = started.slice(LANES);
  // A clinic in use: earlier patients' マイナ保険証 taught it their insurer (three verified visits make an
  // insurer a button, electron/core/insurers), so every language walks the same screens from the first path.
  await Promise.all(
    started.map(async (host) => {
      for (let i = 0; i < 3; i++) await walk(browser, host, { locale: 'ja', mode: 'online', document: 'myna-card' });
    }),
  );
  for (const host of hosts.offline) {
    const admin = await setOnlineMode(browser, host, '常にオフライン');
    await check(admin, 'admin');
    await admin.close();
  }
});
afterAll(async () => {
  if (results.length > 0) console.log(table(results));
  await Promise.all([...hosts.online, ...hosts.offline].map((h) => h.stop()));
  await browser?.close();
});

async function check(page: Page, where: string) {
  axeRuns += 1;
  const t0 = performance.now();
  const v = await axeSerious(page);
  axeMs += performance.now() - t0;
  if (v.length > 0) violations.push({ where, v });
}

/** Taps per path (rows) and language (columns), with the screen the patient's part ends on. */
function table(rs: readonly WalkResult[]): string {
  const cell = (r: WalkResult | undefined) => (r ? `${r.taps}${r.card ? 'c' : ''}${r.picked ? 'p' : ''}` : '-');
  const rows: string[] = [];
  rows.push(
    `${'mode'.padEnd(8)} ${'document'.padEnd(24)} ${LOCALES.map((l) => l.padStart(7)).join(' ')}   keypad  end`,
  );
  for (const mode of ['online', 'offline'] as const)
    for (const doc of DOCUMENTS) {
      const of = (l: Locale) => rs.find((r) => r.mode === mode && r.document === doc && r.locale === l);
      const any = LOCALES.map(of).find(Boolean);
      if (!any) continue;
      rows.push(
        `${mode.padEnd(8)} ${doc.padEnd(24)} ${LOCALES.map((l) => cell(of(l)).padStart(7)).join(' ')}   ${String(any.keys).padStart(6)}  ${any.end}`,
      );
    }
  return (
    `\nTaps per document path and language (patient taps from 「受付をはじめる」; choosing the language is one ` +
    `tap more; "c" = plus the card on the reader; "p" = the insurer picked by name (a clinic that has verified ` +
    `it 3 times; the first day is in typical-cards.test.ts); keypad = of which digits typed, first language walked):\n` +
    `${rows.join('\n')}\n(${rs.length} walks, ${axeRuns} axe-core runs taking ${(axeMs / 1000).toFixed(0)} s)\n`
  );
}

/**
 * axe-core once per distinct screen of a language and mode: by its catalogue key and title as shown (the
 * 有効期限 question names the document), and where the patient's part ends, per document too (each end
 * screen says something else: the reason, what to bring).
 */
const axed = new Set<string>();
function firstTime(locale: Locale, mode: Mode, document: string, screen: PatientKey, title: string): boolean {
  const key = [locale, mode, screen, title, SCREENS[screen] === 'END' ? document : ''].join('|');
  if (axed.has(key)) return false;
  axed.add(key);
  return true;
}

/** Every document path in `locale`, a fresh tab (and check-in) per path, axe on every distinct screen. */
async function walkAll(locale: Locale, mode: Mode, host: HostProcess): Promise<WalkResult[]> {
  const context = await browser.newContext({ viewport: PORTRAIT });
  const out: WalkResult[] = [];
  try {
    for (const document of DOCUMENTS)
      out.push(
        await walk(browser, host, {
          locale,
          mode,
          document,
          context,
          onScreen: async (p, screen, title) => {
            if (!firstTime(locale, mode, document, screen, title)) return;
            const where = `${locale} ${mode} ${document}: ${screen}`;
            await check(p, where);
            if (LOCALE_TAGS[locale] !== 'ja') {
              const texts = await unmarkedJapanese(p);
              if (texts.length > 0) unmarked.push({ where, texts });
            }
          },
        }),
      );
  } finally {
    await context.close();
  }
  results.push(...out);
  return out;
}

const byDoc = (rs: readonly WalkResult[], doc: (typeof DOCUMENTS)[number]) => rs.find((r) => r.document === doc)!;
const BIRTH_DATE_SCREENS: readonly PatientKey[] = [
  'choose.birthDate.title',
  'numbers.birthDate.label',
  'declare.birthDate.label',
];

/** What holds in every language: the paths end where they should, the birth date is asked once. */
function expectOnline(rs: readonly WalkResult[]) {
  const cert = byDoc(rs, 'eligibility-certificate');
  expect(cert.end).toBe('completed.title');
  expect(cert.picked).toBe(true); // the insurer by its name
  expect(cert.screens.indexOf('numbers.insurerNumber.label')).toBeLessThan(
    cert.screens.indexOf('numbers.symbol.label'),
  );
  expect(cert.screens.filter((s) => BIRTH_DATE_SCREENS.includes(s))).toHaveLength(1); // asked once
  expect(byDoc(rs, 'myna-card').end).toBe('completed.title');
  expect(byDoc(rs, 'myna-card').card).toBe(true);
  expect(byDoc(rs, 'nothing').end).toBe('staffConfirm.title');
}
function expectOffline(rs: readonly WalkResult[]) {
  expect(rs).toHaveLength(DOCUMENTS.length);
  expect(byDoc(rs, 'myna-card').screens).toContain('declare.name.label');
  expect(byDoc(rs, 'eligibility-certificate').end).toBe('completed.title');
}

/** The language changes the words, never the path: the same screens as in Japanese, in the same order. */
function expectSamePathAsJapanese(mode: Mode, rs: readonly WalkResult[]) {
  for (const r of rs) {
    const ja = results.find((j) => j.locale === 'ja' && j.mode === mode && j.document === r.document);
    expect(ja, `${mode} ${r.document} in ja`).toBeDefined();
    expect(r.screens, `${r.locale} ${mode} ${r.document}`).toEqual(ja!.screens);
  }
}

/** A language online and offline, on the hosts of lane `lane`. */
const bothModes = (locale: Locale, lane: number) =>
  Promise.all([walkAll(locale, 'online', hosts.online[lane]!), walkAll(locale, 'offline', hosts.offline[lane]!)]);

/** The languages in pairs (ja first: the others are compared with it), each pair walked side by side. */
const PAIRS: [Locale, Locale][] = [];
for (let i = 0; i < LOCALES.length; i += LANES) PAIRS.push([LOCALES[i]!, LOCALES[i + 1]!]);

describe('the walk tells the screens apart in every language', () => {
  it.each(LOCALES)('%s: each screen of the table by its own title; shared titles only with a tie-break', (locale) => {
    for (const key of Object.keys(SCREENS) as PatientKey[]) {
      const title = translate(locale, key, { document: translate(locale, 'doc.eligibility-certificate.name') });
      const hits = candidates(locale, title);
      expect(hits, `${locale} ${key}: 「${title}」`).toContain(key);
      const handledElsewhere = hits.filter((h) => SCREENS[h] !== SCREENS[key]);
      for (const h of handledElsewhere)
        expect(TIE_BREAKS[h] && TIE_BREAKS[key], `${locale} ${key} = ${h}`).toBeTruthy();
    }
    expect(candidates(locale, 'これはどの画面でもない / no such screen')).toEqual([]);
  });
});

describe('every document path in every language, online and offline (issue 10)', () => {
  it.each(PAIRS)(
    '%s and %s: every path by role and name, the language switched on the start screen, axe on every screen',
    async (first, second) => {
      const [[on1, off1], [on2, off2]] = await Promise.all([bothModes(first, 0), bothModes(second, 1)]);
      for (const rs of [on1, on2]) expectOnline(rs);
      for (const rs of [off1, off2]) expectOffline(rs);
      for (const rs of [on1, on2]) expectSamePathAsJapanese('online', rs);
      for (const rs of [off1, off2]) expectSamePathAsJapanese('offline', rs);
      if (first === 'ja') {
        // In Japanese, as the patient reads them.
        expect(byDoc(on1, 'eligibility-certificate').titles.at(-1)).toBe('受付が終わりました');
        expect(byDoc(on1, 'myna-card').titles.at(-1)).toBe('受付が終わりました');
        expect(byDoc(on1, 'nothing').titles.at(-1)).toBe('受付の者が確認します');
        expect(byDoc(off1, 'myna-card').titles).toContain('お名前');
      }
    },
    WALKS_TIMEOUT,
  );
});

describe('staff and admin, and the verdict', () => {
  it('the staff console and the admin screen pass axe too', async () => {
    const host = hosts.online[0]!;
    const staff = await openSignedIn(browser, host, '/staff');
    await staff.getByRole('heading', { level: 1 }).first().waitFor();
    await staff.getByRole('row').nth(1).waitFor();
    await check(staff, 'staff: sessions');
    for (const tab of ['照合できなかったカード読み取り', /再照会/]) {
      const t = staff.getByRole('tab', { name: tab });
      if ((await t.count()) > 0) {
        await t.first().click();
        await check(staff, `staff: ${String(tab)}`);
      }
    }
    await staff.close();
    const admin = await openSignedIn(browser, host, '/admin', LANDSCAPE);
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    await admin.getByRole('button', { name: '設定を保存する' }).first().waitFor();
    await check(admin, 'admin');
    await admin.close();
  });

  it('no serious or critical axe violation anywhere on the way, and Japanese text marked as such', () => {
    expect(results).toHaveLength(LOCALES.length * DOCUMENTS.length * 2);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(unmarked, JSON.stringify(unmarked, null, 2)).toEqual([]);
  });
});
