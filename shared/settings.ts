/**
 * The clinic's settings: ONE schema with every limit, ONE table of defaults, and the admin's view derived
 * from them (which keys an admin edits from /admin, with a few limits made stricter for a human typing
 * them). The core stores them (electron/core/settings), the admin screen edits them, the renderer falls
 * back to the defaults before the first status arrives. Pure: no Node or DOM.
 */
import { z } from './zod';
import { PRESENTED_DOCUMENTS } from './eligibility/documents';
import type { ClinicPolicy } from './eligibility/policy';
import { LOCALES } from './i18n/locales';
import { DEFAULT_PATIENT_CARD_PATTERN, patientCardPatternSchema } from './patient-card/pattern';

export const documentSchema = z.enum(PRESENTED_DOCUMENTS);

export const onlineModeSchema = z.enum(['auto', 'forced-online', 'forced-offline']);
export type OnlineMode = z.infer<typeof onlineModeSchema>;

/** The clinic's stricter-only eligibility policy (see shared/eligibility/policy.ts ClinicPolicy). */
const documentList = z.array(documentSchema).max(PRESENTED_DOCUMENTS.length);
export const clinicPolicySchema = z
  .object({
    staffConfirmOfflineAcceptance: z.boolean().optional(),
    staffConfirmEveryAcceptance: z.boolean().optional(),
    staffConfirmDocuments: documentList.optional(),
    smartphoneReader: z.boolean().optional(),
    refuseNoticeWithCardOffline: z.boolean().optional(),
    refusePortalWithCardOffline: z.boolean().optional(),
    refuseDocuments: documentList.optional(),
  })
  .strict() satisfies z.ZodType<ClinicPolicy>;

/**
 * The 診察券 reader: off (no 診察券 step), a HID reader (vendor/product id, usage page, report format), a
 * keyboard-emulation scanner (keys read on the 診察券 step only), or the simulator (demo, tests).
 */
const hexId = z.number().int().min(0).max(0xffff);
export const patientCardReaderSchema = z
  .object({
    mode: z.enum(['off', 'hid', 'keyboard', 'simulator']),
    vendorId: hexId.optional(),
    productId: hexId.optional(),
    usagePage: hexId.optional(),
    format: z.enum(['pos', 'magstripe', 'stream']).optional(),
  })
  .strict()
  .refine((r) => r.mode !== 'hid' || (r.vendorId !== undefined && r.productId !== undefined), {
    message: 'a HID reader needs its vendor and product id',
  });
export type PatientCardReaderSetting = z.infer<typeof patientCardReaderSchema>;

/** A 診察室 (consultation room) a number can be called to. */
export const callRoomSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(16)
      .regex(/^[A-Za-z0-9_-]+$/),
    label: z.string().min(1).max(20),
  })
  .strict();

/**
 * The languages the kiosk offers (the admin's choice): known codes, each once, Japanese always among them
 * (the kiosk starts in it and staff read it).
 */
export const languagesSchema = z
  .array(z.enum(LOCALES))
  .min(1)
  .max(LOCALES.length)
  .refine((codes) => new Set(codes).size === codes.length, 'each language only once')
  .refine((codes) => codes.includes('ja'), '日本語 (ja) must be offered');

export const settingsSchema = z.object({
  clinicName: z.string().min(1).max(60),
  /** 医療機関コード, 10 digits, written into every number query. */
  institutionCode: z.string().regex(/^\d{10}$/),
  timeZone: z.string().min(1).max(64),
  /** Seconds without a touch before the kiosk asks 「まだ続けますか？」. */
  idleTimeoutSeconds: z.number().int().min(30).max(600),
  onlineMode: onlineModeSchema,
  demoPanel: z.boolean(),
  /** The languages offered at the kiosk (shared/i18n LOCALES codes, ja always included). */
  languages: languagesSchema,
  /** Days to keep finished check-ins before they are purged (patient data: keep the minimum). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Where backups go: an absolute folder (another disk or a NAS); empty = `<data folder>/backups`. */
  backupDir: z
    .string()
    .max(260)
    .refine((v) => v === '' || ((v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v)) && !v.includes('\0')), {
      message: 'an absolute folder path, or empty for the data folder',
    }),
  /** Minutes between scheduled online backups. */
  backupIntervalMinutes: z.number().int().min(15).max(1440),
  /** How many backups to keep (none older than the retention period is kept either). */
  backupKeep: z.number().int().min(1).max(365),
  /** Stricter-only clinic policy, applied over the national timeline. */
  policy: clinicPolicySchema,
  /** The clinic has a card reader that also takes smartphones (スマホのマイナ保険証). */
  smartphoneReader: z.boolean(),
  /** Spoken guidance on at the start of each visit (each patient can mute it, or turn it on). */
  voiceGuidance: z.boolean(),
  /**
   * The printed-numbers screen offers the insurers this clinic verified at least this many times as buttons
   * (no 保険者番号 to type); 0 = never. Below a few visits an insurer could point at one patient.
   */
  insurerShortcutsMinVisits: z.number().int().min(0).max(1000),
  // The 資格確認端末 folder transport, the online monitor and the re-verification queue.
  /** A number query (個別照会) without an answer after this long is 'unavailable'. */
  readerQueryTimeoutMs: z.number().int().min(100).max(120_000),
  /** A card wait without a card read ends with card-failed 'timeout' after this long. */
  readerCardWaitSeconds: z.number().int().min(1).max(600),
  /**
   * A kiosk whose last connection closed (tab closed, page gone) keeps its card wait this long — a reload
   * comes back in time — then the wait ends, so it never makes later reads at other kiosks ambiguous.
   */
  readerCardHeartbeatMs: z.number().int().min(50).max(120_000),
  /** Poll interval of face/ and res/ while something waits; bounds the card-read latency. */
  readerPollMs: z.number().int().min(10).max(5000),
  /** Poll interval when nothing waits. */
  readerIdlePollMs: z.number().int().min(10).max(60_000),
  /** Gap between the two reads of the stability check (same size, mtime and hash). */
  readerStabilityMs: z.number().int().min(5).max(5000),
  /** Tolerance when comparing a file's mtime with the start of a wait (share clocks, coarse mtimes). */
  readerClockSkewMs: z.number().int().min(0).max(60_000),
  /** An unparseable file younger than this is read again later: it may still be being written. */
  readerSettleMs: z.number().int().min(0).max(60_000),
  /** Use file-system notifications as a hint to poll at once (never relied on). */
  readerWatchHint: z.boolean(),
  /**
   * Result files with no BOM and no encoding in the XML declaration whose bytes are not UTF-8 are read as
   * CP932 (Shift_JIS, the terminal's native encoding) — some connectors write them so. Off: refused.
   */
  onshiCp932Fallback: z.boolean(),
  /** A terminal folder poll or file read without progress for this long is a fault (the watchdog). */
  readerStallMs: z.number().int().min(100).max(600_000),
  /** The online monitor's health probe of the terminal folders. */
  monitorProbeMs: z.number().int().min(50).max(600_000),
  /** Failures in a row before the monitor says 'down'. */
  monitorFailuresForDown: z.number().int().min(1).max(20),
  /** How long one failure keeps the monitor 'degraded'. */
  monitorDegradedWindowMs: z.number().int().min(0).max(3_600_000),
  /** Re-verification runs while online, at this interval (and whenever the monitor comes back). */
  reverifyIntervalMs: z.number().int().min(0).max(3_600_000),
  /** Sessions idle for this many idle timeouts are expired by the core (a kiosk that died mid-session). */
  sweepIdleFactor: z.number().int().min(2).max(100),
  /** Terminal simulator: a normal answer's delay, and the 'slow answer' persona's. */
  simulatorAnswerMs: z.number().int().min(0).max(60_000),
  simulatorSlowAnswerMs: z.number().int().min(0).max(120_000),
  patientCardReader: patientCardReaderSchema,
  /** The clinic's 診察券番号 pattern: a scan that does not match sends the patient to the desk. */
  patientCardPattern: patientCardPatternSchema,
  /** The 受付票 printer: tcp://HOST:PORT or a device path; '' = none. KIOSK_PRINTER wins over it. */
  printer: z.string().max(300),
  /** The rooms staff call numbers to (呼び出し), in display order. */
  callRooms: z.array(callRoomSchema).min(1).max(8),
  /** The waiting-room display speaks the called number (speech synthesis) in these languages, in order. */
  displaySpeechLanguages: z.array(z.enum(LOCALES)).max(LOCALES.length),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  clinicName: 'さくら内科クリニック',
  institutionCode: '1312345678',
  timeZone: 'Asia/Tokyo',
  idleTimeoutSeconds: 90,
  onlineMode: 'auto',
  demoPanel: true,
  languages: [...LOCALES],
  retentionDays: 90,
  backupDir: '',
  backupIntervalMinutes: 60,
  backupKeep: 48,
  policy: {},
  smartphoneReader: false,
  voiceGuidance: false,
  insurerShortcutsMinVisits: 3,
  readerQueryTimeoutMs: 15_000,
  readerCardWaitSeconds: 60,
  readerCardHeartbeatMs: 10_000,
  readerPollMs: 50,
  readerIdlePollMs: 1000,
  readerStabilityMs: 40,
  readerClockSkewMs: 1000,
  readerSettleMs: 2000,
  readerWatchHint: true,
  onshiCp932Fallback: true,
  readerStallMs: 30_000,
  monitorProbeMs: 10_000,
  monitorFailuresForDown: 2,
  monitorDegradedWindowMs: 60_000,
  reverifyIntervalMs: 60_000,
  sweepIdleFactor: 3,
  simulatorAnswerMs: 300,
  simulatorSlowAnswerMs: 5000,
  patientCardReader: { mode: 'off' },
  patientCardPattern: DEFAULT_PATIENT_CARD_PATTERN,
  printer: '',
  callRooms: [{ id: '1', label: '診察室' }],
  displaySpeechLanguages: ['ja'],
};

/**
 * What a clinic admin edits from the admin screen (every change audited with a reason): a pick of the
 * settings schema. Two limits are stricter for a person than for tests and tuning: a terminal answer needs
 * at least a second, and a patient at least ten seconds to hold the card to the reader.
 */
export const adminSettingsSchema = settingsSchema
  .pick({
    clinicName: true,
    idleTimeoutSeconds: true,
    demoPanel: true,
    smartphoneReader: true,
    voiceGuidance: true,
    insurerShortcutsMinVisits: true,
    retentionDays: true,
    backupDir: true,
    backupIntervalMinutes: true,
    backupKeep: true,
    readerQueryTimeoutMs: true,
    readerCardWaitSeconds: true,
    onshiCp932Fallback: true,
    policy: true,
    patientCardReader: true,
    patientCardPattern: true,
    printer: true,
    callRooms: true,
    displaySpeechLanguages: true,
    languages: true,
  })
  .extend({
    readerQueryTimeoutMs: settingsSchema.shape.readerQueryTimeoutMs.min(1000),
    readerCardWaitSeconds: settingsSchema.shape.readerCardWaitSeconds.min(10),
    // An admin cannot make one visit enough: 1–2 could show the insurer of a single patient.
    insurerShortcutsMinVisits: settingsSchema.shape.insurerShortcutsMinVisits.refine((v) => v === 0 || v >= 3, {
      message: '0 (off) or at least 3 verified visits',
    }),
  })
  .strict();
export type AdminSettings = z.infer<typeof adminSettingsSchema>;
export const ADMIN_SETTING_KEYS = adminSettingsSchema.keyof().options;

/** The admin's view of the settings. */
export function adminView(s: Settings): AdminSettings {
  return {
    clinicName: s.clinicName,
    idleTimeoutSeconds: s.idleTimeoutSeconds,
    demoPanel: s.demoPanel,
    smartphoneReader: s.smartphoneReader,
    voiceGuidance: s.voiceGuidance,
    insurerShortcutsMinVisits: s.insurerShortcutsMinVisits,
    retentionDays: s.retentionDays,
    backupDir: s.backupDir,
    backupIntervalMinutes: s.backupIntervalMinutes,
    backupKeep: s.backupKeep,
    readerQueryTimeoutMs: s.readerQueryTimeoutMs,
    readerCardWaitSeconds: s.readerCardWaitSeconds,
    onshiCp932Fallback: s.onshiCp932Fallback,
    policy: s.policy,
    patientCardReader: s.patientCardReader,
    patientCardPattern: s.patientCardPattern,
    printer: s.printer,
    callRooms: s.callRooms,
    displaySpeechLanguages: s.displaySpeechLanguages,
    languages: s.languages,
  };
}

type NumericAdminKey = {
  [K in keyof AdminSettings]: AdminSettings[K] extends number ? K : never;
}[keyof AdminSettings];

/** The limits of a number an admin types (for the form's min/max), read from the admin schema itself. */
export function adminNumberLimits(key: NumericAdminKey): { min: number; max: number } {
  const field = adminSettingsSchema.shape[key];
  return { min: field.minValue ?? Number.MIN_SAFE_INTEGER, max: field.maxValue ?? Number.MAX_SAFE_INTEGER };
}
