/**
 * `/display`: the call display on the kiosk API (role 'display'): the board from 'calls.board' (request and
 * event), clinic name and announcement languages from the status. The WebSocket client reconnects by
 * itself; the feed re-fetches on every reconnect.
 */
import { useMemo } from 'react';
import { useApi } from '../../api';
import { LOCALES, type Locale } from '../../../../shared/i18n/locales';
import { useStatus } from '../../stores/status';
import { useStatusSync } from '../../stores/useStatusSync';
import { DisplayApp, type DisplaySettings } from './DisplayApp';
import type { DisplayFeed } from './useBoardFeed';

const isLocale = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

export function DisplayRoute() {
  useStatusSync();
  const api = useApi();
  const status = useStatus();
  const feed = useMemo<DisplayFeed>(
    () => ({
      fetchBoard: async () => {
        const r = await api.request('calls.board', {});
        return r.ok ? r.value : undefined;
      },
      onBoard: (l) => api.on('calls.board', l),
      connection: () => api.connection(),
      onConnection: (l) => api.onConnection(l),
    }),
    [api],
  );
  const clinicName = status?.clinicName ?? '';
  const langs = status?.displaySpeechLanguages;
  const settings = useMemo<DisplaySettings>(() => {
    const languages = (langs ?? ['ja']).filter(isLocale);
    return { clinicName, languages, speech: languages.length > 0, chime: true };
  }, [clinicName, langs]);
  return <DisplayApp feed={feed} settings={settings} />;
}
