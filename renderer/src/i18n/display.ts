/**
 * Texts of the waiting-room call display (呼び出し表示) and its spoken announcements, in every locale.
 * The screen shows Japanese and English together (a public screen has no language switch); the spoken
 * announcement uses each language the clinic enables, in turn.
 */
import type { Messages } from '../../../shared/i18n/locales';

export type DisplayKey =
  | 'display.title'
  | 'display.nowCalling'
  | 'display.waiting'
  | 'display.calledEarlier'
  | 'display.noCalls'
  | 'display.noWaiting'
  | 'display.numberSuffix'
  | 'display.privacy'
  | 'display.reconnecting'
  | 'display.enableSound'
  | 'display.announce'
  | 'display.announceNoRoom';

export const DISPLAY_MESSAGES: Messages<DisplayKey> = {
  ja: {
    'display.title': '呼び出し表示',
    'display.nowCalling': 'お呼び出し中',
    'display.waiting': 'お待ちの番号',
    'display.calledEarlier': '先ほどお呼びした番号',
    'display.noCalls': 'ただいまお呼び出しはありません',
    'display.noWaiting': 'お待ちの方はいません',
    'display.numberSuffix': '番',
    'display.privacy': '受付番号でお呼びします。お名前はお呼びしません。',
    'display.reconnecting': '接続し直しています',
    'display.enableSound': '音を出す',
    'display.announce': '受付番号{number}番の方、{room}へお入りください。',
    'display.announceNoRoom': '受付番号{number}番の方、どうぞ。',
  },
  en: {
    'display.title': 'Call display',
    'display.nowCalling': 'Now calling',
    'display.waiting': 'Waiting',
    'display.calledEarlier': 'Called earlier',
    'display.noCalls': 'No one is being called',
    'display.noWaiting': 'No one is waiting',
    'display.numberSuffix': '',
    'display.privacy': 'We call your reception number, never your name.',
    'display.reconnecting': 'Reconnecting',
    'display.enableSound': 'Turn sound on',
    'display.announce': 'Number {number}, please come to room {roomId}.',
    'display.announceNoRoom': 'Number {number}, please come in.',
  },
};
