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
  'ja-easy': {
    'display.title': 'よびだし',
    'display.nowCalling': 'いま よんで いる ばんごう',
    'display.waiting': 'まって いる ばんごう',
    'display.calledEarlier': 'さっき よんだ ばんごう',
    'display.noCalls': 'いまは よんで いません',
    'display.noWaiting': 'まって いる 人は いません',
    'display.numberSuffix': 'ばん',
    'display.privacy': 'うけつけ ばんごうで よびます。なまえでは よびません。',
    'display.reconnecting': 'もう一度 つないで います',
    'display.enableSound': 'おとを 出す',
    'display.announce': 'うけつけ ばんごう {number}ばんの 人。{room}に 入って ください。',
    'display.announceNoRoom': 'うけつけ ばんごう {number}ばんの 人。どうぞ 入って ください。',
  },
  'zh-Hans': {
    'display.title': '叫号显示',
    'display.nowCalling': '正在叫号',
    'display.waiting': '等候中的号码',
    'display.calledEarlier': '刚才叫过的号码',
    'display.noCalls': '目前没有叫号',
    'display.noWaiting': '目前没有人等候',
    'display.numberSuffix': '号',
    'display.privacy': '我们用挂号号码叫号，不叫姓名。',
    'display.reconnecting': '正在重新连接',
    'display.enableSound': '打开声音',
    'display.announce': '{number}号，请到{roomId}号诊室。',
    'display.announceNoRoom': '{number}号，请进。',
  },
  ko: {
    'display.title': '호출 안내',
    'display.nowCalling': '지금 호출 중',
    'display.waiting': '대기 중인 번호',
    'display.calledEarlier': '조금 전에 호출한 번호',
    'display.noCalls': '지금은 호출이 없습니다',
    'display.noWaiting': '대기 중인 분이 없습니다',
    'display.numberSuffix': '번',
    'display.privacy': '접수 번호로 호출합니다. 이름으로는 호출하지 않습니다.',
    'display.reconnecting': '다시 연결하고 있습니다',
    'display.enableSound': '소리 켜기',
    'display.announce': '접수 번호 {number}번, {roomId}번 진찰실로 들어와 주세요.',
    'display.announceNoRoom': '접수 번호 {number}번, 들어와 주세요.',
  },
  vi: {
    'display.title': 'Màn hình gọi số',
    'display.nowCalling': 'Đang gọi',
    'display.waiting': 'Số đang chờ',
    'display.calledEarlier': 'Số vừa gọi',
    'display.noCalls': 'Hiện không gọi số nào',
    'display.noWaiting': 'Không có ai đang chờ',
    'display.numberSuffix': '',
    'display.privacy': 'Chúng tôi gọi theo số tiếp nhận, không gọi tên.',
    'display.reconnecting': 'Đang kết nối lại',
    'display.enableSound': 'Bật âm thanh',
    'display.announce': 'Số {number}, xin mời vào phòng khám số {roomId}.',
    'display.announceNoRoom': 'Số {number}, xin mời vào.',
  },
};
