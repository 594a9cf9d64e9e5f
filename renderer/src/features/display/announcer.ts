/**
 * The chime and the spoken announcement of a called number. A two-tone chime made with Web Audio (no
 * sound file to ship), then speech synthesis in each language the clinic enables. Browsers may keep audio
 * suspended until someone touches the screen once; `blocked()` says so, so the display can show a button.
 */
import { format } from '../../i18n';
import { DISPLAY_MESSAGES } from '../../i18n/display';
import type { Locale } from '../../../../shared/i18n/locales';
import type { CalledNumber } from '../../../../shared/calls/board';

export interface Announcer {
  announce(call: CalledNumber): Promise<void>;
  /** True while the browser refuses to play sound without a user gesture. */
  blocked(): boolean;
  /** Call from a click/touch handler to unlock audio. */
  unlock(): Promise<void>;
}

export interface AnnouncerOptions {
  languages: readonly Locale[];
  speech: boolean;
  chime: boolean;
  audio?: () => AudioContext | undefined;
  synth?: SpeechSynthesis | undefined;
}

/** Speech-synthesis voices; やさしい日本語 is spoken with a Japanese voice (its BCP 47 tag is plain ja). */
const BCP47: Record<Locale, string> = {
  ja: 'ja-JP',
  'ja-easy': 'ja-JP',
  en: 'en-US',
  'zh-Hans': 'zh-CN',
  ko: 'ko-KR',
  vi: 'vi-VN',
};

/** The sentence spoken for a call, per language (also used by tests). */
export function announcementText(locale: Locale, call: CalledNumber): string {
  const m = DISPLAY_MESSAGES[locale];
  const template = call.roomLabel ? m['display.announce'] : m['display.announceNoRoom'];
  return format(template, { number: call.ticketNumber, room: call.roomLabel, roomId: call.roomId });
}

export function createAnnouncer(options: AnnouncerOptions): Announcer {
  let ctx: AudioContext | undefined;
  const audio = () => {
    try {
      ctx ??= options.audio ? options.audio() : typeof AudioContext === 'function' ? new AudioContext() : undefined;
    } catch {
      ctx = undefined;
    }
    return ctx;
  };
  const synth = options.synth ?? (typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis);

  const chime = async () => {
    const c = audio();
    if (!c || c.state !== 'running') return;
    const t0 = c.currentTime + 0.05;
    // ピンポーン: E6 then C6, soft attack, 1.4 s decay.
    for (const [freq, at] of [
      [1318.5, 0],
      [1046.5, 0.45],
    ] as const) {
      const osc = c.createOscillator();
      const gain = c.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0, t0 + at);
      gain.gain.linearRampToValueAtTime(0.35, t0 + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.001, t0 + at + 1.4);
      osc.connect(gain).connect(c.destination);
      osc.start(t0 + at);
      osc.stop(t0 + at + 1.5);
    }
    await new Promise((r) => setTimeout(r, 1600));
  };

  const speak = (locale: Locale, text: string) =>
    new Promise<void>((resolve) => {
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return resolve();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = BCP47[locale];
      u.rate = 0.9;
      const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith(BCP47[locale].slice(0, 2)));
      if (voice) u.voice = voice;
      // Never hang the queue on a voice that does not report its end.
      const timer = setTimeout(resolve, 15_000);
      u.onend = u.onerror = () => {
        clearTimeout(timer);
        resolve();
      };
      synth.speak(u);
    });

  return {
    async announce(call) {
      if (options.chime) await chime();
      if (!options.speech) return;
      for (const locale of options.languages) await speak(locale, announcementText(locale, call));
    },
    blocked: () => {
      const c = audio();
      return c !== undefined && c.state === 'suspended';
    },
    async unlock() {
      await audio()
        ?.resume()
        .catch(() => undefined);
    },
  };
}
