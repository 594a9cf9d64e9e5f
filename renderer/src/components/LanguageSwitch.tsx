import { useMemo, useRef } from 'react';
import './LanguageSwitch.css';
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES, STAFF_LOCALES, type Locale } from '../../../shared/i18n/locales';
import { useApi } from '../api';
import { useT } from '../i18n';
import { loadLocaleFonts } from '../i18n/fonts';
import { useStatus } from '../stores/status';
import { useUiActions } from '../stores/ui';

/** Never hold a switch back longer than this for its font: a slow disk must not make the button feel dead. */
const FONT_WAIT_MS = 1500;

/**
 * 日本語 / やさしい にほんご / English / 中文 / 한국어 / Tiếng Việt: each language named in itself, so anyone can
 * find theirs. The kiosk offers the languages the admin chose (status.languages); staff and admin screens
 * offer Japanese and English. Switching changes only this window's UI language: the check-in (in the core)
 * and what was typed stay as they are. The new language's font slices are loaded first, so the next frame
 * draws in the right face instead of flashing empty boxes.
 */
export function LanguageSwitch() {
  const { t, locale } = useT();
  const { languageChosen } = useUiActions();
  const { role } = useApi();
  const status = useStatus();
  const latest = useRef<Locale | null>(null);
  const offered = useMemo<readonly Locale[]>(() => {
    if (role !== 'kiosk') return STAFF_LOCALES;
    const chosen = status?.languages ?? [];
    // The current language stays visible even if the admin just stopped offering it.
    return LOCALES.filter((l) => chosen.includes(l) || l === locale);
  }, [role, status, locale]);
  if (offered.length < 2) return null;

  const choose = (l: Locale) => {
    latest.current = l;
    const fonts = globalThis.document?.fonts;
    if (!fonts) {
      languageChosen(l);
      return;
    }
    const wait = new Promise<void>((resolve) => setTimeout(resolve, FONT_WAIT_MS));
    void Promise.race([loadLocaleFonts(l, fonts), wait]).then(() => {
      if (latest.current === l) languageChosen(l);
    });
  };

  return (
    <div role="group" aria-label={t('lang.label')} className="lang-switch">
      {offered.map((l) => (
        <button
          key={l}
          type="button"
          lang={LOCALE_TAGS[l]}
          className="toggle"
          aria-pressed={locale === l}
          onClick={() => choose(l)}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
