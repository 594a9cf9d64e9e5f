import { useEffect } from 'react';
import { LOCALE_TAGS } from '../../../shared/i18n/locales';
import { useContrast, useLanguage, useTextSize } from '../stores/ui';

/** Keep <html lang>, the text size and the contrast on the root element, where the CSS scales from. */
export function useDocumentSettings(): void {
  const language = useLanguage();
  const textSize = useTextSize();
  const contrast = useContrast();
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAGS[language];
    document.documentElement.dataset.locale = language;
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);
  useEffect(() => {
    document.documentElement.dataset.contrast = contrast;
  }, [contrast]);
}
