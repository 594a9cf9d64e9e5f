import { LOCALE_TAGS, type Locale } from '../../../shared/i18n/locales';
import { parseIsoDate } from '../../../shared/insurance/dates';
import { translate, type UiKey } from '../i18n';
import { eraOf } from '../../../shared/insurance/wareki';

const ERA_KEY: Record<string, UiKey> = {
  taisho: 'date.era.taisho',
  showa: 'date.era.showa',
  heisei: 'date.era.heisei',
  reiwa: 'date.era.reiwa',
};

/** 'YYYY-MM-DD' as words: 「昭和21年5月3日（1946年）」, '3 May 1946 (Showa (昭和) 21)'. */
export function formatDate(locale: Locale, iso: string, withEra = true): string {
  const parts = parseIsoDate(iso);
  if (!parts) return iso;
  const monthName = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, parts.month - 1, 1)),
  );
  const vars = { year: parts.year, month: parts.month, day: parts.day, monthName };
  const era = withEra ? eraOf(iso) : null;
  if (!era) return translate(locale, 'date.format.western', vars);
  return translate(locale, 'date.format.era', {
    ...vars,
    era: translate(locale, ERA_KEY[era.era]!),
    eraYear: era.eraYear === 1 ? (LOCALE_TAGS[locale] === 'ja' ? '元' : 1) : era.eraYear,
  });
}
