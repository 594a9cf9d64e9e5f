/**
 * ORCA answers → typed values. Bodies below are written in the shapes ORCA publishes (JSON wrapper records,
 * the lower-case snake form, xml2 with `_child` arrays, arrays padded with empty records); the values are
 * fictional. Hostile or broken answers become typed errors.
 */
import { describe, expect, it } from 'vitest';
import { kanaKey, samePatientNumber } from '../../../electron/integrations/orca/find-patient';
import {
  acceptanceRecord,
  bodyToTree,
  parseAcceptance,
  parseAcceptanceList,
  parseCodeList,
  parsePatientGet,
  parsePatientList,
  requestBody,
} from '../../../electron/integrations/orca/wire';

function tree(body: string) {
  const t = bodyToTree(body);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

describe('ORCA wire', () => {
  it('acceptmodv2 JSON with K-code warnings', () => {
    const body = JSON.stringify({
      acceptres: {
        Information_Date: '2026-11-25',
        Api_Result: 'K1',
        Api_Result_Message: '受付登録終了',
        Api_Warning_Message_Information: [{ Api_Warning_Message: '受付時間を自動設定しました' }, {}, {}],
        Reskey: 'Acceptance_Info',
        Acceptance_Date: '2026-11-25',
        Acceptance_Time: '09:01:02',
        Acceptance_Id: '00012',
        Department_Code: '01',
        Physician_Code: '10001',
        Patient_Information: {
          Patient_ID: '00077',
          WholeName: '試験　一郎',
          WholeName_inKana: 'シケン　イチロウ',
          BirthDate: '1970-01-01',
          Sex: '1',
        },
        HealthInsurance_Information: [{ Insurance_Combination_Number: '0002', InsuranceProvider_Class: '060' }, {}],
      },
    });
    expect(parseAcceptance(tree(body))).toEqual({
      ok: true,
      value: {
        apiResult: 'K1',
        message: '受付登録終了',
        warnings: ['受付時間を自動設定しました'],
        acceptanceId: '00012',
        acceptanceDate: '2026-11-25',
        acceptanceTime: '09:01:02',
        departmentCode: '01',
        physicianCode: '10001',
        patientId: '00077',
        insuranceCombinationNumber: '0002',
      },
    });
  });

  it('acceptmodv2 in xml2 gives the same value', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xmlio2><acceptres type="record"><Api_Result type="string">00</Api_Result><Api_Result_Message type="string">受付登録終了</Api_Result_Message>
<Acceptance_Id type="string">00003</Acceptance_Id><Acceptance_Date type="string">2026-11-25</Acceptance_Date><Acceptance_Time type="string">10:00:00</Acceptance_Time>
<Patient_Information type="record"><Patient_ID type="string">00001</Patient_ID></Patient_Information>
<HealthInsurance_Information type="array"><HealthInsurance_Information_child type="record"><Insurance_Combination_Number type="string">0001</Insurance_Combination_Number></HealthInsurance_Information_child><HealthInsurance_Information_child type="record"/></HealthInsurance_Information>
</acceptres></xmlio2>`;
    const r = parseAcceptance(tree(xml));
    expect(r).toMatchObject({
      ok: true,
      value: {
        apiResult: '00',
        acceptanceId: '00003',
        patientId: '00001',
        insuranceCombinationNumber: '0001',
        warnings: [],
      },
    });
  });

  it('patientgetv2: keeps id, kana, birth date, sex and combination numbers; drops address and insurance numbers', () => {
    const body = JSON.stringify({
      patientinfores: {
        Api_Result: '00',
        Api_Result_Message: '処理終了',
        Patient_Information: {
          Patient_ID: '00010',
          WholeName: '試験　花子',
          WholeName_inKana: 'シケン　ハナコ',
          BirthDate: '1966-06-06',
          Sex: '2',
          Home_Address_Information: { WholeAddress1: 'どこかの町', PhoneNumber1: '0000-00-0000' },
          HealthInsurance_Information: [
            {
              Insurance_Combination_Number: '0001',
              InsuranceProvider_Class: '060',
              HealthInsuredPerson_Number: '１２３',
              Certificate_ExpiredDate: '9999-12-31',
              PublicInsurance_Information: [{ PublicInsurance_Class: '051' }, {}],
            },
            {},
            {},
          ],
        },
      },
    });
    const r = parsePatientGet(tree(body));
    expect(r).toEqual({
      ok: true,
      value: {
        header: { apiResult: '00', message: '処理終了', warnings: [] },
        patient: {
          patientId: '00010',
          kanaName: 'シケン　ハナコ',
          birthDate: '1966-06-06',
          sex: '2',
          insuranceCombinations: [{ number: '0001', providerClass: '060', expiredDate: '9999-12-31' }],
        },
      },
    });
    expect(JSON.stringify(r)).not.toMatch(/どこかの町|１２３/);
  });

  it('patientlst3v2 in the lower-case snake form (no wrapper) and the wrapped form agree', () => {
    const snake = JSON.stringify({
      api_result: '00',
      api_result_message: '処理終了',
      target_patient_count: '001',
      patient_information: [
        {
          patient_id: '00004',
          whole_name_in_kana: 'シケン　ジロウ',
          birth_date: '1980-01-01',
          sex: '1',
          health_insurance_information: [{ insurance_provider_class: '009' }],
        },
      ],
    });
    const snakeResult = parsePatientList(tree(snake));
    // health_insurance_information without a combination number does not fit: a typed error, not a guess.
    expect(snakeResult).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    const snakeOk = snake.replace(
      '"insurance_provider_class":"009"',
      '"insurance_combination_number":"0001","insurance_provider_class":"009"',
    );
    const wrapped = JSON.stringify({
      patientlst2res: {
        Api_Result: '00',
        Api_Result_Message: '処理終了',
        Patient_Information: [
          {
            Patient_ID: '00004',
            WholeName_inKana: 'シケン　ジロウ',
            BirthDate: '1980-01-01',
            Sex: '1',
            HealthInsurance_Information: [{ Insurance_Combination_Number: '0001', InsuranceProvider_Class: '009' }],
          },
          {},
        ],
      },
    });
    expect(parsePatientList(tree(snakeOk))).toEqual(parsePatientList(tree(wrapped)));
  });

  it('acceptlstv2 and system01lstv2 skip the padding records', () => {
    const list = JSON.stringify({
      acceptlstres: {
        Api_Result: '00',
        Acceptlst_Information: [
          {
            Acceptance_Time: '13:59:36',
            Acceptance_Id: '00005',
            Department_Code: '01',
            Physician_Code: '10001',
            Patient_Information: { Patient_ID: '00001', WholeName_inKana: 'シケン' },
          },
          {},
        ],
      },
    });
    expect(parseAcceptanceList(tree(list))).toMatchObject({
      ok: true,
      value: {
        entries: [{ acceptanceId: '00005', acceptanceTime: '13:59:36', patientId: '00001', kanaName: 'シケン' }],
      },
    });
    const deps = JSON.stringify({
      departmentres: {
        Api_Result: '00',
        Department_Information: [{ Code: '01', WholeName: '内科', Name1: '内科' }, {}, {}, {}],
      },
    });
    expect(parseCodeList(tree(deps), 'department')).toEqual({ ok: true, value: [{ code: '01', name: '内科' }] });
  });

  it('refuses what is not an ORCA answer: DTDs, garbage, huge, deep, missing Api_Result, malformed records', () => {
    expect(bodyToTree('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
    expect(bodyToTree('HTTP/1.1 oops')).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    expect(bodyToTree('{"a":' + '"x'.repeat(2) + '"}' + ' '.repeat(3 * 1024 * 1024))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(bodyToTree('['.repeat(100) + ']'.repeat(100))).toMatchObject({ ok: false, error: { code: 'bad-response' } });
    expect(parseAcceptance(tree('{"acceptres":{"Api_Result_Message":"x"}}'))).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
    expect(parseAcceptance(tree('{"acceptres":{"Api_Result":"00","Acceptance_Date":"tomorrow"}}'))).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
    expect(
      parsePatientGet(tree('{"patientinfores":{"Api_Result":"00","Patient_Information":{"Patient_ID":"<script>"}}}')),
    ).toMatchObject({ ok: false, error: { code: 'bad-response' } });
  });

  it('builds acceptmodv2 bodies in both forms, with no insurance data', () => {
    const rec = acceptanceRecord({
      requestNumber: '01',
      patientId: '00001',
      acceptanceDate: '2026-11-25',
      acceptanceTime: '09:00:00',
      departmentCode: '01',
      physicianCode: '10001',
    });
    expect(JSON.parse(requestBody('acceptreq', rec, 'json'))).toEqual({
      acceptreq: {
        Request_Number: '01',
        Patient_ID: '00001',
        Acceptance_Date: '2026-11-25',
        Acceptance_Time: '09:00:00',
        Acceptance_Id: '',
        Department_Code: '01',
        Physician_Code: '10001',
        Medical_Information: '',
      },
    });
    const xml = requestBody('acceptreq', { ...rec, WholeName: 'A&B<C>' }, 'xml');
    expect(xml).toContain('<Patient_ID type="string">00001</Patient_ID>');
    expect(xml).toContain('A&amp;B&lt;C&gt;');
    expect(xml).not.toContain('Insurance');
  });

  it('kana and patient-number comparison', () => {
    expect(kanaKey('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(kanaKey('ヤマダ　タロウ'));
    expect(kanaKey('やまだ たろう')).toBe('ヤマダタロウ');
    expect(samePatientNumber('00012', '12')).toBe(true);
    expect(samePatientNumber('00012', '120')).toBe(false);
  });
});
