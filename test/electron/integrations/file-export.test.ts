import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createFileExporter, type ExportRecord } from '../../../electron/integrations/file-export/index';
import { tempDir } from '../../helpers/temp';

const record: ExportRecord = {
  kind: 'checkin',
  checkinId: 'sess-42',
  ticketNumber: 7,
  date: '2026-11-25',
  time: '09:12:30',
  patientNumber: '00012',
  nameKana: 'ヤマダ　タロウ',
  birthDate: '1980-07-07',
  sex: '1',
  confirmedBy: 'card',
  verification: 'verified',
};

describe('file exporter (real folder)', () => {
  it('writes one JSON and one CSV file per check-in, atomically, and leaves no temp file', () => {
    const dir = tempDir('kiosk-export-');
    const ex = createFileExporter({ dir, formats: ['json', 'csv'] });
    expect(ex.write(record)).toEqual({
      ok: true,
      files: ['uketsuke-20261125-091230-0007-sess-42.json', 'uketsuke-20261125-091230-0007-sess-42.csv'],
    });
    expect(fs.readdirSync(dir).sort()).toEqual([
      'uketsuke-20261125-091230-0007-sess-42.csv',
      'uketsuke-20261125-091230-0007-sess-42.json',
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'uketsuke-20261125-091230-0007-sess-42.json'), 'utf8'))).toEqual({
      format: 'kiosk-uketsuke/1',
      ...record,
    });
    const csv = fs.readFileSync(path.join(dir, 'uketsuke-20261125-091230-0007-sess-42.csv'), 'utf8');
    expect(csv).toBe(
      '\ufeffformat,kind,checkin_id,ticket_number,date,time,patient_number,name_kana,birth_date,sex,confirmed_by,verification\r\n' +
        '"kiosk-uketsuke/1","checkin","sess-42","7","2026-11-25","09:12:30","00012","ヤマダ　タロウ","1980-07-07","1","card","verified"\r\n',
    );
  });

  it('a repeated export keeps the first file; a cancel is its own record', () => {
    const dir = tempDir('kiosk-export-');
    const ex = createFileExporter({ dir, formats: ['json'] });
    ex.write(record);
    ex.write({ ...record, nameKana: 'チガウ' });
    ex.write({ ...record, kind: 'cancel' });
    expect(fs.readdirSync(dir).sort()).toEqual([
      'uketsuke-20261125-091230-0007-sess-42-cancel.json',
      'uketsuke-20261125-091230-0007-sess-42.json',
    ]);
    expect(fs.readFileSync(path.join(dir, 'uketsuke-20261125-091230-0007-sess-42.json'), 'utf8')).toContain('ヤマダ');
  });

  it('Shift_JIS CSV for レセコン that import it; formula cells are neutralised', () => {
    const dir = tempDir('kiosk-export-');
    const ex = createFileExporter({ dir, formats: ['csv'], csvEncoding: 'shift_jis' });
    ex.write({ ...record, nameKana: '=HYPERLINK("x")' });
    const text = iconv.decode(
      fs.readFileSync(path.join(dir, 'uketsuke-20261125-091230-0007-sess-42.csv')),
      'Shift_JIS',
    );
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    ex.write({ ...record, checkinId: 'sjis', nameKana: 'ヤマダ' });
    expect(
      iconv.decode(fs.readFileSync(path.join(dir, 'uketsuke-20261125-091230-0007-sjis.csv')), 'Shift_JIS'),
    ).toContain('"ヤマダ"');
  });

  it('refuses bad records and folders with typed errors: no path tricks, no extra fields (no My Number)', () => {
    const dir = tempDir('kiosk-export-');
    const ex = createFileExporter({ dir, formats: ['json'] });
    expect(ex.write({ ...record, checkinId: '../../etc/x' })).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(ex.write({ ...record, myNumber: '123456789012' })).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(ex.write('nonsense')).toMatchObject({ ok: false, code: 'invalid-record' });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(createFileExporter({ dir: path.join(dir, 'missing'), formats: ['json'] }).write(record)).toMatchObject({
      ok: false,
      code: 'no-folder',
    });
    // A write that fails half-way (here: the temp name is taken) is an 'io' error and leaves no record.
    const blocked = tempDir('kiosk-export-blocked-');
    fs.mkdirSync(path.join(blocked, `.uketsuke-20261125-091230-0007-sess-42.json.${process.pid}.tmp`));
    expect(createFileExporter({ dir: blocked, formats: ['json'] }).write(record)).toMatchObject({
      ok: false,
      code: 'io',
    });
    expect(fs.readdirSync(blocked).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});
