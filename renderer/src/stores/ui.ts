/**
 * Local UI state of this window: language, text size, contrast and spoken guidance. Nothing here comes
 * from the core. On the kiosk it is reset with the session ("for the visit only"), so the next patient
 * starts in Japanese at the standard size and contrast, with the clinic's default for the voice.
 */
import { create } from 'zustand';
import type { Locale } from '../../../shared/i18n/locales';

export type TextSize = 'standard' | 'large';
export type Contrast = 'standard' | 'high';

interface UiState {
  language: Locale;
  textSize: TextSize;
  contrast: Contrast;
  /** Spoken guidance chosen by this patient; `null` follows the clinic's default. */
  voice: boolean | null;
  actions: {
    languageChosen: (language: Locale) => void;
    textSizeToggled: () => void;
    contrastToggled: () => void;
    voiceChosen: (on: boolean) => void;
    reset: () => void;
  };
}

const initial = {
  language: 'ja' as Locale,
  textSize: 'standard' as TextSize,
  contrast: 'standard' as Contrast,
  voice: null as boolean | null,
};

const useUiStore = create<UiState>()((set) => ({
  ...initial,
  actions: {
    languageChosen: (language) => set({ language }),
    textSizeToggled: () => set((s) => ({ textSize: s.textSize === 'standard' ? 'large' : 'standard' })),
    contrastToggled: () => set((s) => ({ contrast: s.contrast === 'standard' ? 'high' : 'standard' })),
    voiceChosen: (voice) => set({ voice }),
    reset: () => set(initial),
  },
}));

export const useLanguage = () => useUiStore((s) => s.language);
export const useTextSize = () => useUiStore((s) => s.textSize);
export const useContrast = () => useUiStore((s) => s.contrast);
export const useVoiceChoice = () => useUiStore((s) => s.voice);
export const useUiActions = () => useUiStore((s) => s.actions);
/** Whether anything differs from what the next patient should start with. */
export const useUiChanged = () =>
  useUiStore(
    (s) =>
      s.language !== initial.language ||
      s.textSize !== initial.textSize ||
      s.contrast !== initial.contrast ||
      s.voice !== initial.voice,
  );

/** For the reset path outside React (end of a session) and for tests. */
export const resetUi = () => useUiStore.getState().actions.reset();
