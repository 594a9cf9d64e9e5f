/// <reference lib="dom" />
/**
 * One patient walk through the kiosk, in any of the six languages, as a person would: the language chosen
 * on the switch by its own name, then each screen recognised by its question (the h1) compared with the
 * catalogue text of that language, and answered by a handler keyed by that catalogue key. Buttons are
 * found by role and the catalogue's accessible name, so no language's wording is written here. Every tap
 * goes through Kiosk (the per-step tap guard, the tap counter).
 *
 * Extending: a new screen is one entry in SCREENS (its h1's catalogue key → what the patient does there).
 * A screen whose h1 matches no entry fails the walk with its text, so a new step is never skipped silently.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { LOCALE_NAMES, type Locale } from '../../shared/i18n/locales';
import { translate, UI_CATALOGUES, type PatientKey } from '../../renderer/src/i18n';
import type { HostProcess } from './harness';
import { PORTRAIT } from './harness';
import { Kiosk, personas, showaDigits, type Persona } from './kiosk';

/** The document choices, in the order of the choice screen (their catalogue names are `doc.<id>.name`). */
export const DOCUMENTS = [
  'myna-card',
  'myna-smartphone',
  'eligibility-certificate',
  'insurance-card',
  'notice-with-card',
  'portal-screen-with-card',
  'portal-pdf-with-card',
  'notice-only',
  'nothing',
] as const;
export type DocumentId = (typeof DOCUMENTS)[number];
export type Mode = 'online' | 'offline';

export type Numbers = NonNullable<Persona['numbers']>;
/** The demo persona whose printed numbers the walk types (協会けんぽ, 本人, valid). */
export const MAIN_NUMBERS: Numbers = personas().find((p) => p.id === 'main-insured')!.numbers!;

/** What a handler has at hand. */
export interface WalkContext {
  page: Page;
  k: Kiosk;
  locale: Locale;
  /** The catalogue text of `key` in the walk's language. */
  t: (key: PatientKey, vars?: Readonly<Record<string, string | number>>) => string;
  document: DocumentId;
  numbers: Numbers;
  /** Set by the card-reader handler: the path needed the card on the reader. */
  card: boolean;
  /** The insurer was picked by its name (the clinic offers it), not typed. */
  picked: boolean;
}

/** What the patient does on a screen; END: the patient's part is over; WAIT: nothing to do, the core moves on. */
export type ScreenStep = ((c: WalkContext) => Promise<void>) | 'END' | 'WAIT';

/** Text as the browser names it: the catalogues' break hints (U+200B) are not part of an accessible name. */
export const asShown = (s: string) => s.replace(/\u200b/g, '');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A document button: its name, then (in another language) the Japanese name printed on the document, then
 * its hint — the name alone is not enough where one name starts another (the card, the card on a phone).
 */
function documentButton(c: WalkContext): Locator {
  const name = c.t(`doc.${c.document}.name`);
  const next = [asShown(translate('ja', `doc.${c.document}.name`)), c.t(`doc.${c.document}.hint`)].map(esc).join('|');
  return c.page.getByRole('button', { name: new RegExp(`^${esc(name)} (${next})`) });
}

/** The insurer by its name, when the clinic offers it (electron/core/insurers): one tap instead of its digits. */
async function pickInsurer(c: WalkContext): Promise<boolean> {
  const offered = c.page
    .getByRole('group', { name: c.t('numbers.insurerShortcuts.title'), exact: true })
    .getByRole('button', { name: new RegExp(esc(c.numbers.insurerNumber)) });
  if ((await offered.count()) === 0) return false;
  await c.k.tap(offered);
  c.picked = true;
  return true;
}

async function typeDate(c: WalkContext, digits: string) {
  await c.k.keypad(digits);
  await c.k.press(c.t('common.next'));
}

/** A printed number: typed, then 次へ (unless a complete value moves on by itself). */
async function typeNumber(c: WalkContext, value: string | undefined, movesOn = false) {
  if (!value) return c.k.press(c.t('common.skip'));
  await c.k.keypad(value);
  if (!movesOn) await c.k.press(c.t('common.next'));
}

/** The birth date, under 昭和 (the entry's default era for a birth date). */
const birthDate = (c: WalkContext) => typeDate(c, showaDigits(c.numbers.birthDate));

/** Names typed on the on-screen keyboard that is open: katakana (Japanese) or Latin letters (other languages). */
async function typeName(c: WalkContext) {
  const latin = c.page.getByRole('group', { name: c.t('latin.label'), exact: true });
  const keys =
    (await latin.count()) > 0 ? ['K', 'E', 'N', 'space', 'S', 'A', 'T', 'O'] : [...'シケン', 'space', ...'タロウ'];
  for (const key of keys) await c.k.press(key === 'space' ? c.t('kana.space') : key);
  await c.k.press(c.t('common.next'));
}

/**
 * The screens of a check-in, by the catalogue key of their h1, and what the patient does on each. Order
 * matters only when two keys have the same text in a language (the first entry wins; see `recognise`).
 */
export const SCREENS: Partial<Record<PatientKey, ScreenStep>> = {
  'start.title': async (c) => c.k.press(c.t('start.button')),
  'choose.title': async (c) => c.k.tap(documentButton(c)),
  'choose.validUntil.title': async (c) => {
    const suggestion = c.page.getByRole('group', { name: c.t('date.suggestions'), exact: true }).getByRole('button');
    if ((await suggestion.count()) > 0) await c.k.tap(suggestion.first());
    else await typeDate(c, '9731'); // 令和9年7月31日
  },
  'choose.birthDate.title': birthDate,
  'readCard.title': async (c) => {
    c.card = true;
    await c.k.card(c.t('demo.title'), '本人');
  },
  'readCard.smartphoneTitle': async (c) => {
    c.card = true;
    await c.k.card(c.t('demo.title'), '本人');
  },
  'verifying.title': 'WAIT',
  // The printed numbers, in the order they are printed (the insurer first when the clinic offers it by name:
  // then 協会けんぽ's 8-digit 記号 and 後期's 8-digit 番号 move on by themselves).
  'numbers.symbol.label': (c) =>
    typeNumber(
      c,
      c.numbers.symbol,
      c.picked && c.numbers.insurerNumber.startsWith('01') && c.numbers.symbol?.length === 8,
    ),
  'numbers.number.label': (c) => typeNumber(c, c.numbers.number, c.picked && c.numbers.insurerNumber.startsWith('39')),
  'numbers.branch.label': (c) => typeNumber(c, c.numbers.branch, true), // two digits move on by themselves
  'numbers.insurerNumber.label': async (c) => {
    if (await pickInsurer(c)) return;
    await typeNumber(c, c.numbers.insurerNumber, c.numbers.insurerNumber.length === 8); // a valid 8 digits moves on
  },
  'numbers.birthDate.label': birthDate,
  'numbers.review.title': async (c) => c.k.press(c.t('numbers.submit')),
  // 被保険者資格申立書 (offline, or no numbers to check).
  'declare.name.label': typeName,
  'declare.birthDate.label': birthDate,
  'declare.insurerName.label': async (c) => {
    if (!(await pickInsurer(c))) await c.k.press(c.t('common.skip'));
  },
  'declare.insurerNumber.label': async (c) => c.k.press(c.t('common.skip')),
  'declare.phone.label': async (c) => c.k.press(c.t('common.skip')),
  'declare.review.title': async (c) => c.k.press(c.t('declare.submit')),
  'selfPay.title': async (c) => c.k.press(c.t('selfPay.accept')),
  // Where the patient's part ends.
  'completed.title': 'END',
  'staffConfirm.title': 'END',
  'refused.title': 'END',
};

/** A catalogue text as a pattern for a whole h1: `{placeholders}` stand for any text. */
function titlePattern(template: string): RegExp {
  return new RegExp(
    `^${template
      .split(/\{\w+\}/)
      .map(esc)
      .join('.+')}$`,
    'su',
  );
}

/**
 * For titles that are the same in some language (e.g. the two review screens in やさしい日本語): a button
 * only that screen shows, by its catalogue key. `recognise` keeps the candidates whose button is on screen.
 */
export const TIE_BREAKS: Partial<Record<PatientKey, PatientKey>> = {
  'numbers.review.title': 'numbers.submit',
  'declare.review.title': 'declare.submit',
};

/** The keys of SCREENS whose catalogue text in `locale` is `title`. */
export function candidates(locale: Locale, title: string): PatientKey[] {
  const text = title.replace(/\s+/g, ' ').trim();
  return (Object.keys(SCREENS) as PatientKey[]).filter((key) =>
    titlePattern(UI_CATALOGUES[locale][key].replace(/\s+/g, ' ').trim()).test(text),
  );
}

/**
 * The catalogue key of the screen on `page` (one of SCREENS), or null. Two keys with the same text in one
 * language are told apart by TIE_BREAKS, or need to be handled alike (e.g. 生年月日 on the numbers and on
 * the declaration); otherwise the walk could not tell the screens apart, and this throws.
 */
export async function recognise(page: Page, locale: Locale, title: string): Promise<PatientKey | null> {
  let hits = candidates(locale, title);
  if (hits.length > 1 && hits.every((h) => TIE_BREAKS[h])) {
    const shown = await Promise.all(
      hits.map(
        async (h) =>
          (await page.getByRole('button', { name: translate(locale, TIE_BREAKS[h]!), exact: true }).count()) > 0,
      ),
    );
    hits = hits.filter((_, i) => shown[i]);
  }
  if (hits.length > 1 && new Set(hits.map((h) => SCREENS[h])).size > 1)
    throw new Error(`${locale}: the screen 「${title}」 matches ${hits.join(', ')}: add a TIE_BREAKS entry`);
  return hits[0] ?? null;
}

export interface WalkOptions {
  locale: Locale;
  /** How the host is (the caller forces a host offline through its admin); checked on the choice screen. */
  mode: Mode;
  document: DocumentId;
  numbers?: Numbers;
  /**
   * Where to open the kiosk tab (e.g. one context per language and mode, so fonts and scripts come from its
   * cache); a fresh tab per walk, so the walk starts a fresh check-in (a tab resumes its own open one).
   */
  context?: BrowserContext;
  /** Called on every screen the walk meets (e.g. axe-core), with its catalogue key. */
  onScreen?: (page: Page, screen: PatientKey, title: string) => Promise<void>;
}

export interface WalkResult {
  locale: Locale;
  mode: Mode;
  document: DocumentId;
  /** Patient taps from 「受付をはじめる」 on (the language switch before it is one more, not counted here). */
  taps: number;
  /** Of which keypad keys (digits typed off the document). */
  keys: number;
  card: boolean;
  /** The insurer was picked by its name instead of typed. */
  picked: boolean;
  /** The screens met, by catalogue key, and their titles as shown. */
  screens: PatientKey[];
  titles: string[];
  end: PatientKey;
}

/** The h1 as it is on screen, once it differs from `previous`. */
async function nextTitle(page: Page, previous: string | null, where: string): Promise<string> {
  try {
    const handle = await page.waitForFunction(
      (prev) => {
        const text = document.querySelector('h1')?.textContent?.trim();
        return text && text !== prev ? text : false;
      },
      previous,
      { timeout: 20_000 },
    );
    return String(await handle.jsonValue());
  } catch (e) {
    const now = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw new Error(`${where}: the screen stayed at 「${now ?? '(no h1)'}」 after 「${previous}」`, { cause: e });
  }
}

/** The patient's language, chosen on the switch by its own name (the kiosk starts in Japanese). */
export async function chooseLanguage(k: Kiosk, locale: Locale): Promise<void> {
  if (locale === 'ja') return;
  const group = k.page.getByRole('group', { name: translate('ja', 'lang.label'), exact: true });
  await k.tap(group.getByRole('button', { name: LOCALE_NAMES[locale], exact: true }));
  // The switch loads the language's fonts first: wait until the kiosk shows it.
  await k.page
    .getByRole('button', { name: LOCALE_NAMES[locale], exact: true, pressed: true })
    .waitFor({ timeout: 15_000 });
}

/** Walk one document path from the start screen to where the patient's part ends. */
export async function walk(browser: Browser, host: HostProcess, options: WalkOptions): Promise<WalkResult> {
  const { locale, mode, document: doc } = options;
  const where = `${locale} ${mode} ${doc}`;
  const page = options.context ? await options.context.newPage() : await browser.newPage({ viewport: PORTRAIT });
  // (The kiosk's identity is the host's to decide: every tab on its loopback is its one local kiosk.)
  await page.goto(`${host.url}/?kiosk=walk-${locale}-${mode}-${doc}`);
  const k = new Kiosk(page, translate(locale, 'keypad.hyphen'));
  await k
    .button(translate('ja', 'start.button'))
    .waitFor({ timeout: 20_000 })
    .catch(async (e: unknown) => {
      const now = await page
        .locator('body')
        .innerText({ timeout: 1000 })
        .catch(() => '(no body)');
      throw new Error(`${where}: no start screen after opening the kiosk; the page shows:\n${now}`, { cause: e });
    });
  await chooseLanguage(k, locale);
  k.taps = 0; // counted from 「受付をはじめる」 on
  const c: WalkContext = {
    page,
    k,
    locale,
    t: (key, vars) => asShown(translate(locale, key, vars)),
    document: doc,
    numbers: options.numbers ?? MAIN_NUMBERS,
    card: false,
    picked: false,
  };
  const screens: PatientKey[] = [];
  const titles: string[] = [];
  let previous: string | null = null;
  for (let i = 0; i < 40; i++) {
    const title = await nextTitle(page, previous, where);
    previous = title;
    const screen = await recognise(page, locale, title);
    if (!screen) throw new Error(`${where}: no handler for the screen 「${title}」 (screens so far: ${screens})`);
    screens.push(screen);
    titles.push(title);
    if (screen === 'choose.title') {
      // Offline, the choice screen says so (and the walk is of the mode it says it is).
      const banner = (await page.getByText(c.t('offline.banner'), { exact: true }).count()) > 0;
      if (banner !== (mode === 'offline'))
        throw new Error(`${where}: the offline banner is ${banner ? '' : 'not '}shown`);
    }
    await options.onScreen?.(page, screen, title);
    const step = SCREENS[screen]!;
    if (step === 'END') break;
    if (step !== 'WAIT') await step(c);
  }
  await page.close();
  const end = screens.at(-1)!;
  if (SCREENS[end] !== 'END') throw new Error(`${where}: the walk did not end (${screens.join(' → ')})`);
  return {
    locale,
    mode,
    document: doc,
    taps: k.taps,
    keys: k.keys,
    card: c.card,
    picked: c.picked,
    screens,
    titles,
    end,
  };
}
