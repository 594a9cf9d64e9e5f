/**
 * The ORCA simulator's clinic: departments, doctors and patients (fictional), shaped like ORCA's own
 * answers (system01lstv2, patientgetv2). Two patients share kana name and birth date on purpose (an
 * ambiguous search), one has two valid 保険組合せ (ORCA chooses and warns), one only 自費.
 */

export interface SimInsurance {
  number: string;
  providerClass: string;
  providerName: string;
  startDate: string;
  expiredDate: string;
}

export interface SimPatient {
  patientId: string;
  name: string;
  kanaName: string;
  birthDate: string;
  sex: '1' | '2';
  insurance: SimInsurance[];
}

export const SIM_DEPARTMENTS = [
  { code: '01', name: '内科' },
  { code: '03', name: '小児科' },
  { code: '04', name: '整形外科' },
];

export const SIM_PHYSICIANS = [
  { code: '10001', name: '鈴木　一郎', kana: 'スズキ　イチロウ' },
  { code: '10002', name: '高橋　花子', kana: 'タカハシ　ハナコ' },
];

const kyokai = (number: string): SimInsurance => ({
  number,
  providerClass: '009',
  providerName: '協会',
  startDate: '2020-04-01',
  expiredDate: '9999-12-31',
});
const kokuho = (number: string): SimInsurance => ({
  number,
  providerClass: '060',
  providerName: '国保',
  startDate: '2019-04-01',
  expiredDate: '9999-12-31',
});
const jihi = (number: string): SimInsurance => ({
  number,
  providerClass: '980',
  providerName: '自費',
  startDate: '2019-04-01',
  expiredDate: '9999-12-31',
});

/** Fictional patients. Kana names as ORCA stores them: full-width katakana with a full-width space. */
export function simPatients(): SimPatient[] {
  return [
    {
      patientId: '00001',
      name: '山田　太郎',
      kanaName: 'ヤマダ　タロウ',
      birthDate: '1980-07-07',
      sex: '1',
      insurance: [kyokai('0001')],
    },
    {
      patientId: '00002',
      name: '佐藤　花子',
      kanaName: 'サトウ　ハナコ',
      birthDate: '1992-03-14',
      sex: '2',
      insurance: [kokuho('0001'), jihi('0002')],
    },
    // Same kana and birth date as 00004: a name search cannot tell them apart.
    {
      patientId: '00003',
      name: '鈴木　誠',
      kanaName: 'スズキ　マコト',
      birthDate: '1975-11-02',
      sex: '1',
      insurance: [kyokai('0001')],
    },
    {
      patientId: '00004',
      name: '鈴木　真',
      kanaName: 'スズキ　マコト',
      birthDate: '1975-11-02',
      sex: '1',
      insurance: [kokuho('0001')],
    },
    // Two valid combinations: ORCA picks one and says so (a K-code warning).
    {
      patientId: '00005',
      name: '田中　美咲',
      kanaName: 'タナカ　ミサキ',
      birthDate: '2018-05-20',
      sex: '2',
      insurance: [kyokai('0001'), kokuho('0002')],
    },
    {
      patientId: '00006',
      name: '伊藤　健',
      kanaName: 'イトウ　ケン',
      birthDate: '1948-01-30',
      sex: '1',
      insurance: [jihi('0001')],
    },
  ];
}

/** Many look-alike patients for load tests: `カンジャ ＮＮＮ` (full-width space), born 1960-01-01 + n days. */
export function simBulkPatients(count: number, firstId = 100): SimPatient[] {
  const out: SimPatient[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i).padStart(5, '0');
    const d = new Date(Date.UTC(1960, 0, 1 + i));
    out.push({
      patientId: id,
      name: `患者\u3000${id}`,
      kanaName: `カンジャ\u3000${toFullWidthDigits(id)}`,
      birthDate: d.toISOString().slice(0, 10),
      sex: i % 2 === 0 ? '1' : '2',
      insurance: [kyokai('0001')],
    });
  }
  return out;
}

function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Demo: the terminal simulator's people as ORCA patients (ids from 00101), so demo check-ins register. */
export function simPatientsFrom(
  people: { name: string; nameKana: string; birthDate: string; sex?: string }[],
): SimPatient[] {
  const seen = new Set<string>();
  const out: SimPatient[] = [];
  for (const p of people) {
    const kanaName = p.nameKana.normalize('NFKC').replace(/ /g, '\u3000');
    const key = `${kanaName}|${p.birthDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      patientId: String(101 + out.length).padStart(5, '0'),
      name: p.name,
      kanaName,
      birthDate: p.birthDate,
      sex: p.sex === 'female' || p.sex === '2' ? '2' : '1',
      insurance: [kyokai('0001')],
    });
  }
  return out;
}
