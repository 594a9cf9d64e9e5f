import { LOCALE_NAMES, LOCALE_TAGS, LOCALES, type Locale } from '../../../../../shared/i18n/locales';
import { useT } from '../../../i18n';

/**
 * The admin's choice of languages offered at the kiosk: one checkbox per shipped language, each named in
 * its own script. 日本語 is always offered (the kiosk starts in it), so its box is checked and fixed. The
 * value keeps the catalogue order whatever order the boxes are ticked in; the core validates it again.
 */
export function LanguageOptions({ value, onChange }: { value: readonly Locale[]; onChange: (next: Locale[]) => void }) {
  const { t } = useT();
  const toggle = (l: Locale, on: boolean) =>
    onChange(LOCALES.filter((x) => x === 'ja' || (x === l ? on : value.includes(x))));
  return (
    <fieldset className="mode-choices language-options">
      <legend className="field-label">{t('admin.settings.languages')}</legend>
      <p className="quiet field-help">{t('admin.settings.languagesHelp')}</p>
      {LOCALES.map((l) => (
        <label key={l} className="choice">
          <input
            type="checkbox"
            checked={l === 'ja' || value.includes(l)}
            disabled={l === 'ja'}
            onChange={(e) => toggle(l, e.target.checked)}
          />
          <span lang={LOCALE_TAGS[l]}>{LOCALE_NAMES[l]}</span>
        </label>
      ))}
    </fieldset>
  );
}
