import { useEffect } from 'react';
import { LOCALE_TAGS } from '../../../shared/i18n/locales';
import { useLanguage, useTextSize } from '../stores/ui';

/** Keep <html lang> and the text-size switch on the root element, where the CSS scales from. */
export function useDocumentSettings(): void {
  const language = useLanguage();
  const textSize = useTextSize();
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAGS[language];
    document.documentElement.dataset.locale = language;
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);
}
