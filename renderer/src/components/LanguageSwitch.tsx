import { LOCALE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import { useT } from '../i18n';
import { useUiActions } from '../stores/ui';

/** 日本語 / English: each language named in itself, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, locale } = useT();
  const { languageChosen } = useUiActions();
  return (
    <div role="group" aria-label={t('lang.label')} className="lang-switch">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="toggle"
          aria-pressed={locale === l}
          onClick={() => languageChosen(l)}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
