/**
 * ORCA's wire formats → typed values, and typed requests → wire bodies.
 *
 * ORCA answers in two forms: xml2 (`<xmlio2><acceptres type="record">…`) and, on newer versions, JSON
 * (`?format=json`, `{"acceptres": {"Api_Result": …}}`). Some answers also come in a lower-case snake form
 * (`{"api_result": …, "patient_information": [...]}`). All three are first turned into one plain tree whose
 * keys are normalised (lower case, no underscores: `WholeName_inKana` and `whole_name_in_kana` both become
 * `wholenameinkana`), then validated by zod into the values of types.ts. Arrays in ORCA's answers are padded
 * with empty records (`{}`): those are skipped; a non-empty record that does not fit is an error.
 */
import { z } from 'zod';
import { parseXmlText, type XmlElement } from '../../onshi/xml';
import type {
  AcceptanceListEntry,
  AcceptanceRequest,
  AcceptanceResult,
  OrcaDepartment,
  OrcaOutcome,
  OrcaPatient,
  OrcaPhysician,
} from './types';
import { orcaError } from './types';

export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 16;
const MAX_ARRAY = 500;

export type Tree = string | Tree[] | { [key: string]: Tree };

// ---------------------------------------------------------------------------------------------------
// Bodies → normalised trees

function normKey(k: string): string {
  return k.toLowerCase().replace(/_/g, '');
}

/** JSON value → Tree with normalised keys; refuses depth, huge arrays and non-string scalars are stringified. */
export function normaliseJson(value: unknown, depth = 0): Tree | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY) return undefined;
    const out: Tree[] = [];
    for (const v of value) {
      const t = normaliseJson(v, depth + 1);
      if (t === undefined) return undefined;
      out.push(t);
    }
    return out;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Tree } = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.length > 80) continue;
      const t = normaliseJson(v, depth + 1);
      if (t === undefined) return undefined;
      out[normKey(k)] = t;
    }
    return out;
  }
  return undefined;
}

/** xml2 element → Tree. xml2 marks arrays as `<X type="array"><X_child>…`; attributes are dropped by the
 * reader, so the `_child` naming is what tells an array from a record. */
function xmlToTree(el: XmlElement, depth = 0): Tree | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (el.children.length === 0) return el.text.trim();
  const isArray = el.children.every((c) => c.name === `${el.name}_child`);
  if (isArray) {
    if (el.children.length > MAX_ARRAY) return undefined;
    const out: Tree[] = [];
    for (const c of el.children) {
      const t = xmlToTree(c, depth + 1);
      if (t === undefined) return undefined;
      out.push(t === '' ? {} : t);
    }
    return out;
  }
  const out: { [key: string]: Tree } = {};
  for (const c of el.children) {
    const t = xmlToTree(c, depth + 1);
    if (t === undefined) return undefined;
    out[normKey(c.name)] = t;
  }
  return out;
}

/** Response bytes (JSON or xml2, by content) → the record inside the `…res` wrapper, normalised. */
export function bodyToTree(body: string): OrcaOutcome<{ [key: string]: Tree }> {
  if (body.length > MAX_RESPONSE_BYTES) return orcaError('too-large', 'ORCA answer too large');
  const trimmed = body.trimStart();
  let tree: Tree | undefined;
  if (trimmed.startsWith('<')) {
    const parsed = parseXmlText(trimmed, { maxBytes: MAX_RESPONSE_BYTES, maxDepth: MAX_DEPTH, maxElements: 20_000 });
    if (!parsed.ok) return orcaError('bad-response', `ORCA answer is not readable XML (${parsed.error})`);
    tree = xmlToTree(parsed.root);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return orcaError('bad-response', 'ORCA answer is neither JSON nor XML');
    }
    tree = normaliseJson(json);
  }
  if (tree === undefined || typeof tree === 'string' || Array.isArray(tree))
    return orcaError('bad-response', 'ORCA answer has an unexpected shape');
  let rec: { [key: string]: Tree } = tree;
  // Unwrap <xmlio2> and the single `…res` record (acceptres, patientinfores, patientlst2res, …).
  for (let i = 0; i < 2; i++) {
    const keys: string[] = Object.keys(rec);
    const only: string | undefined = keys.length === 1 ? keys[0] : undefined;
    const inner: Tree | undefined = only === undefined ? undefined : rec[only];
    if (
      inner !== undefined &&
      typeof inner === 'object' &&
      !Array.isArray(inner) &&
      (only === 'xmlio2' || only?.endsWith('res'))
    )
      rec = inner;
  }
  return { ok: true, value: rec };
}

// ---------------------------------------------------------------------------------------------------
// Schemas (on normalised keys)

const s = (max: number) => z.string().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/);
const code = z.string().regex(/^[0-9A-Za-z*]{1,20}$/);
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const header = z.object({
  apiresult: z.string().regex(/^[0-9A-Z]{1,4}$/),
  apiresultmessage: s(500).optional().default(''),
  apiwarningmessageinformation: z.union([z.array(z.unknown()).max(MAX_ARRAY), z.string()]).optional(),
});

const insurance = z.object({
  insurancecombinationnumber: z.string().regex(/^\d{1,4}$/),
  insuranceproviderclass: optionalText(10),
  certificateexpireddate: optionalText(10),
});

const patient = z.object({
  patientid: code,
  wholenameinkana: s(200),
  birthdate: date,
  sex: z.enum(['1', '2']).optional().catch(undefined),
  healthinsuranceinformation: z
    .union([z.array(z.unknown()).max(MAX_ARRAY), z.record(z.string(), z.unknown()), z.string()])
    .optional(),
});

function isEmptyRecord(v: unknown): boolean {
  return v === '' || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

/** ORCA pads arrays with `{}`: skip those, validate the rest. A record where a list is expected is a list of one. */
function records<T>(value: unknown, schema: z.ZodType<T>, what: string): OrcaOutcome<T[]> {
  if (value === undefined || value === '') return { ok: true, value: [] };
  const list = Array.isArray(value) ? value : [value];
  const out: T[] = [];
  for (const item of list) {
    if (isEmptyRecord(item)) continue;
    const r = schema.safeParse(item);
    if (!r.success)
      return orcaError('bad-response', `ORCA ${what} entry does not fit: ${r.error.issues[0]?.path.join('.') ?? ''}`);
    out.push(r.data);
  }
  return { ok: true, value: out };
}

function warningsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [];
  const out: string[] = [];
  for (const w of list) {
    if (typeof w === 'object' && w !== null && !Array.isArray(w)) {
      const m = (w as Record<string, unknown>).apiwarningmessage;
      if (typeof m === 'string' && m.trim() !== '') out.push(m.trim().slice(0, 200));
    }
    if (out.length >= 20) break;
  }
  return out;
}

export interface Header {
  apiResult: string;
  message: string;
  warnings: string[];
}

export function parseHeader(tree: { [key: string]: Tree }): OrcaOutcome<Header> {
  const h = header.safeParse(tree);
  if (!h.success) return orcaError('bad-response', 'ORCA answer has no valid Api_Result');
  return {
    ok: true,
    value: {
      apiResult: h.data.apiresult,
      message: h.data.apiresultmessage.slice(0, 200),
      warnings: warningsOf(h.data.apiwarningmessageinformation),
    },
  };
}

function toPatient(raw: z.infer<typeof patient>): OrcaOutcome<OrcaPatient> {
  const ins = records(raw.healthinsuranceinformation, insurance, 'insurance');
  if (!ins.ok) return ins;
  return {
    ok: true,
    value: {
      patientId: raw.patientid,
      kanaName: raw.wholenameinkana,
      birthDate: raw.birthdate,
      ...(raw.sex ? { sex: raw.sex } : {}),
      insuranceCombinations: ins.value.map((i) => ({
        number: i.insurancecombinationnumber,
        ...(i.insuranceproviderclass ? { providerClass: i.insuranceproviderclass } : {}),
        ...(i.certificateexpireddate ? { expiredDate: i.certificateexpireddate } : {}),
      })),
    },
  };
}

/** patientgetv2 → the patient (Api_Result 00), or the header for the caller to classify. */
export function parsePatientGet(tree: { [key: string]: Tree }): OrcaOutcome<{ header: Header; patient?: OrcaPatient }> {
  const h = parseHeader(tree);
  if (!h.ok) return h;
  if (h.value.apiResult !== '00') return { ok: true, value: { header: h.value } };
  const p = patient.safeParse(tree.patientinformation);
  if (!p.success) return orcaError('bad-response', 'patientgetv2: Patient_Information does not fit');
  const value = toPatient(p.data);
  if (!value.ok) return value;
  return { ok: true, value: { header: h.value, patient: value.value } };
}

/** patientlst3v2 → candidates. */
export function parsePatientList(tree: {
  [key: string]: Tree;
}): OrcaOutcome<{ header: Header; patients: OrcaPatient[] }> {
  const h = parseHeader(tree);
  if (!h.ok) return h;
  const list = records(tree.patientinformation, patient, 'patient');
  if (!list.ok) return list;
  const patients: OrcaPatient[] = [];
  for (const raw of list.value) {
    const p = toPatient(raw);
    if (!p.ok) return p;
    patients.push(p.value);
  }
  return { ok: true, value: { header: h.value, patients } };
}

const acceptance = z.object({
  acceptanceid: optionalText(10),
  acceptancedate: optionalText(10),
  acceptancetime: optionalText(8),
  departmentcode: optionalText(10),
  physiciancode: optionalText(20),
  patientinformation: z
    .object({ patientid: optionalText(20) })
    .optional()
    .catch(undefined),
  healthinsuranceinformation: z.unknown().optional(),
});

/** acceptmodv2 → its result (any Api_Result; the caller classifies). */
export function parseAcceptance(tree: { [key: string]: Tree }): OrcaOutcome<AcceptanceResult> {
  const h = parseHeader(tree);
  if (!h.ok) return h;
  const a = acceptance.safeParse(tree);
  if (!a.success) return orcaError('bad-response', 'acceptmodv2: acceptance fields do not fit');
  if (a.data.acceptancedate !== undefined && !date.safeParse(a.data.acceptancedate).success)
    return orcaError('bad-response', 'acceptmodv2: bad Acceptance_Date');
  if (a.data.acceptancetime !== undefined && !time.safeParse(a.data.acceptancetime).success)
    return orcaError('bad-response', 'acceptmodv2: bad Acceptance_Time');
  const ins = records(a.data.healthinsuranceinformation, insurance, 'insurance');
  const combination = ins.ok ? ins.value[0]?.insurancecombinationnumber : undefined;
  const d = a.data;
  return {
    ok: true,
    value: {
      apiResult: h.value.apiResult,
      message: h.value.message,
      warnings: h.value.warnings,
      ...(d.acceptanceid && /^\d{1,10}$/.test(d.acceptanceid) ? { acceptanceId: d.acceptanceid } : {}),
      ...(d.acceptancedate ? { acceptanceDate: d.acceptancedate } : {}),
      ...(d.acceptancetime ? { acceptanceTime: d.acceptancetime } : {}),
      ...(d.departmentcode ? { departmentCode: d.departmentcode } : {}),
      ...(d.physiciancode ? { physicianCode: d.physiciancode } : {}),
      ...(d.patientinformation?.patientid ? { patientId: d.patientinformation.patientid } : {}),
      ...(combination ? { insuranceCombinationNumber: combination } : {}),
    },
  };
}

const listEntry = z.object({
  acceptanceid: z.string().regex(/^\d{1,10}$/),
  acceptancetime: time,
  departmentcode: optionalText(10),
  physiciancode: optionalText(20),
  patientinformation: z.object({ patientid: code, wholenameinkana: optionalText(200) }),
});

/** acceptlstv2 → today's acceptances (Api_Result 00; '21'-style "none" answers give an empty list). */
export function parseAcceptanceList(tree: {
  [key: string]: Tree;
}): OrcaOutcome<{ header: Header; entries: AcceptanceListEntry[] }> {
  const h = parseHeader(tree);
  if (!h.ok) return h;
  const list = records(tree.acceptlstinformation, listEntry, 'acceptance list');
  if (!list.ok) return list;
  return {
    ok: true,
    value: {
      header: h.value,
      entries: list.value.map((e) => ({
        acceptanceId: e.acceptanceid,
        acceptanceTime: e.acceptancetime,
        patientId: e.patientinformation.patientid,
        ...(e.patientinformation.wholenameinkana ? { kanaName: e.patientinformation.wholenameinkana } : {}),
        ...(e.departmentcode ? { departmentCode: e.departmentcode } : {}),
        ...(e.physiciancode ? { physicianCode: e.physiciancode } : {}),
      })),
    },
  };
}

const codeName = z.object({ code, wholename: s(100) });

/** system01lstv2 class 01 (departments) / 02 (physicians). */
export function parseCodeList(
  tree: { [key: string]: Tree },
  kind: 'department' | 'physician',
): OrcaOutcome<OrcaDepartment[] & OrcaPhysician[]> {
  const h = parseHeader(tree);
  if (!h.ok) return h;
  if (h.value.apiResult !== '00')
    return orcaError('api', `system01lstv2: ${h.value.message}`, { apiResult: h.value.apiResult });
  const list = records(kind === 'department' ? tree.departmentinformation : tree.physicianinformation, codeName, kind);
  if (!list.ok) return list;
  return { ok: true, value: list.value.map((c) => ({ code: c.code, name: c.wholename })) };
}

// ---------------------------------------------------------------------------------------------------
// Requests

export type RequestRecord = { [key: string]: string | RequestRecord };

export function acceptanceRecord(r: AcceptanceRequest): RequestRecord {
  const rec: RequestRecord = {
    Request_Number: r.requestNumber,
    Patient_ID: r.patientId,
    Acceptance_Date: r.acceptanceDate,
    Acceptance_Time: r.acceptanceTime,
    Acceptance_Id: r.acceptanceId ?? '',
    Department_Code: r.departmentCode,
    Physician_Code: r.physicianCode,
    Medical_Information: r.medicalInformation ?? '',
  };
  if (r.newPatient) {
    rec.WholeName = r.newPatient.kanaName;
    rec.WholeName_inKana = r.newPatient.kanaName;
    rec.BirthDate = r.newPatient.birthDate;
    if (r.newPatient.sex) rec.Sex = r.newPatient.sex;
  }
  // No HealthInsurance_Information: ORCA chooses the 保険組合せ; the kiosk writes no insurance data.
  return rec;
}

function escapeXml(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function recordXml(name: string, rec: RequestRecord): string {
  const inner = Object.entries(rec)
    .map(([k, v]) => (typeof v === 'string' ? `<${k} type="string">${escapeXml(v)}</${k}>` : recordXml(k, v)))
    .join('');
  return `<${name} type="record">${inner}</${name}>`;
}

/** The body for `name` (acceptreq, patientlst3req, …) in the chosen format. */
export function requestBody(name: string, rec: RequestRecord, format: 'json' | 'xml'): string {
  if (format === 'json') return JSON.stringify({ [name]: rec });
  return `<data>${recordXml(name, rec)}</data>`;
}
