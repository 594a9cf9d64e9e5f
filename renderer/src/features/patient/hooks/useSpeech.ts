/**
 * Spoken guidance (issue 10): each step's question read aloud in the chosen language, never the only
 * channel (the same words are on screen). Uses the browser's speech synthesis where it has one; without
 * it (or without a voice for the language) the kiosk simply stays silent.
 */
import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import { useLanguage, useVoiceChoice } from '../../../stores/ui';
import { useVoiceDefault } from '../../../stores/status';

/** What the current step says: set by the step's title when it appears. */
const useGuidanceStore = create<{ text: string }>()(() => ({ text: '' }));
export const setGuidance = (text: string) => useGuidanceStore.setState({ text });

const SPEECH_LANG: Readonly<Record<string, string>> = {
  ja: 'ja-JP',
  'ja-easy': 'ja-JP',
  en: 'en-US',
  'zh-Hans': 'zh-CN',
  ko: 'ko-KR',
  vi: 'vi-VN',
};

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

export function speak(text: string, locale: string): boolean {
  const s = synth();
  if (!s || !text || typeof SpeechSynthesisUtterance === 'undefined') return false;
  s.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = SPEECH_LANG[locale] ?? locale;
  u.rate = 0.9; // a little slower than default: kiosk users include older people
  s.speak(u);
  return true;
}

export function stopSpeaking(): void {
  synth()?.cancel();
}

/** Whether guidance is spoken for this visit: the patient's choice, else the clinic's default. */
export function useVoiceOn(): boolean {
  const choice = useVoiceChoice();
  const fallback = useVoiceDefault();
  return choice ?? fallback;
}

/** Speak each new step while voice is on; returns `repeat` for the 「もう一度」 button. */
export function useSpokenGuidance(): { repeat: () => void } {
  const on = useVoiceOn();
  const locale = useLanguage();
  const text = useGuidanceStore((s) => s.text);
  useEffect(() => {
    if (on && text) speak(text, locale);
    return () => stopSpeaking();
  }, [on, text, locale]);
  const repeat = useCallback(() => {
    speak(useGuidanceStore.getState().text, locale);
  }, [locale]);
  return { repeat };
}
