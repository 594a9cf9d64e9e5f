/**
 * Local UI state of this window: language and text size. Nothing here comes from the core. On the kiosk
 * it is reset with the session, so the next patient starts in Japanese at the standard size.
 */
import { create } from 'zustand';
import type { Locale } from '../../../shared/i18n/locales';

export type TextSize = 'standard' | 'large';

interface UiState {
  language: Locale;
  textSize: TextSize;
  actions: {
    languageChosen: (language: Locale) => void;
    textSizeToggled: () => void;
    reset: () => void;
  };
}

const initial = { language: 'ja' as Locale, textSize: 'standard' as TextSize };

const useUiStore = create<UiState>()((set) => ({
  ...initial,
  actions: {
    languageChosen: (language) => set({ language }),
    textSizeToggled: () => set((s) => ({ textSize: s.textSize === 'standard' ? 'large' : 'standard' })),
    reset: () => set(initial),
  },
}));

export const useLanguage = () => useUiStore((s) => s.language);
export const useTextSize = () => useUiStore((s) => s.textSize);
export const useUiActions = () => useUiStore((s) => s.actions);

/** For the reset path outside React (end of a session) and for tests. */
export const resetUi = () => useUiStore.getState().actions.reset();
