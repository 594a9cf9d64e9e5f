/**
 * A generic 受付 exporter for レセコン without an API: every completed (or cancelled) check-in is written
 * into a folder as one JSON and/or CSV file, atomically (write a hidden temp file, fsync, rename), so an
 * import job polling the folder never sees half a record. The format is documented in README.md here.
 *
 * Minimal personal data: the 受付番号, when, the 診察券 number, kana name, birth date, sex, and how the
 * patient was confirmed. Never a My Number (個人番号), no address, no insurance numbers (the レセコン's own
 * オンライン資格確認 link has those).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { z } from 'zod';

export const EXPORT_FORMAT = 'kiosk-uketsuke/1';

export const exportRecordSchema = z.strictObject({
  /** 'checkin' when completed, 'cancel' when staff cancelled it afterwards. */
  kind: z.enum(['checkin', 'cancel']),
  checkinId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** 受付番号 shown to the patient. */
  ticketNumber: z.number().int().min(0).max(99_999).optional(),
  /** Clinic-local date and time of the check-in (YYYY-MM-DD, HH:MM:SS). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  /** 診察券 number, when the patient used one. */
  patientNumber: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  nameKana: z.string().max(100).optional(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  sex: z.enum(['1', '2']).optional(),
  /** How eligibility was confirmed: 'card' (マイナ保険証 read), 'numbers' (printed numbers queried), 'declared', 'self-pay', 'none'. */
  confirmedBy: z.enum(['card', 'numbers', 'declared', 'self-pay', 'none']),
  /** Online verification: 'verified', 'pending' (offline, re-verified later), 'not-needed', 'failed'. */
  verification: z.enum(['verified', 'pending', 'not-needed', 'failed']),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const CSV_COLUMNS = [
  'format',
  'kind',
  'checkin_id',
  'ticket_number',
  'date',
  'time',
  'patient_number',
  'name_kana',
  'birth_date',
  'sex',
  'confirmed_by',
  'verification',
] as const;

export interface FileExporterOptions {
  dir: string;
  formats: ('json' | 'csv')[];
  /** CSV text encoding; many Japanese レセコン import Shift_JIS. Default utf-8 (with BOM). */
  csvEncoding?: 'utf-8' | 'shift_jis';
}

export type ExportResult =
  { ok: true; files: string[] } | { ok: false; code: 'invalid-record' | 'no-folder' | 'io'; message: string };

/** CSV cell: quoted, quotes doubled; a leading = + - @ is neutralised so a spreadsheet never runs it. */
function cell(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(r: ExportRecord): string {
  const values = [
    EXPORT_FORMAT,
    r.kind,
    r.checkinId,
    r.ticketNumber,
    r.date,
    r.time,
    r.patientNumber,
    r.nameKana,
    r.birthDate,
    r.sex,
    r.confirmedBy,
    r.verification,
  ];
  return `${CSV_COLUMNS.join(',')}\r\n${values.map(cell).join(',')}\r\n`;
}

export function fileBaseName(r: ExportRecord): string {
  const ticket = r.ticketNumber === undefined ? 'none' : String(r.ticketNumber).padStart(4, '0');
  return `uketsuke-${r.date.replace(/-/g, '')}-${r.time.replace(/:/g, '')}-${ticket}-${r.checkinId}${r.kind === 'cancel' ? '-cancel' : ''}`;
}

function writeAtomic(dir: string, name: string, data: Buffer): void {
  const final = path.join(dir, name);
  if (fs.existsSync(final)) return; // the same record again (a retry): already there, never half-overwritten
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o640);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, final);
}

export function createFileExporter(options: FileExporterOptions) {
  return {
    /** Validates the record and writes it; a bad record or folder is a typed error, never an exception. */
    write(input: unknown): ExportResult {
      const parsed = exportRecordSchema.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          code: 'invalid-record',
          message: `not an export record: ${parsed.error.issues[0]?.path.join('.') ?? ''}`,
        };
      const r = parsed.data;
      try {
        if (!fs.statSync(options.dir).isDirectory())
          return { ok: false, code: 'no-folder', message: 'the export folder is not a folder' };
      } catch {
        return { ok: false, code: 'no-folder', message: 'the export folder does not exist' };
      }
      const base = fileBaseName(r);
      const files: string[] = [];
      try {
        if (options.formats.includes('json')) {
          writeAtomic(
            options.dir,
            `${base}.json`,
            Buffer.from(JSON.stringify({ format: EXPORT_FORMAT, ...r }, null, 2) + '\n', 'utf8'),
          );
          files.push(`${base}.json`);
        }
        if (options.formats.includes('csv')) {
          const text = toCsv(r);
          const bytes =
            options.csvEncoding === 'shift_jis'
              ? iconv.encode(text, 'Shift_JIS')
              : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
          writeAtomic(options.dir, `${base}.csv`, bytes);
          files.push(`${base}.csv`);
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'error';
        return { ok: false, code: 'io', message: `could not write the export file (${code})` };
      }
      return { ok: true, files };
    },
  };
}

export type FileExporter = ReturnType<typeof createFileExporter>;
