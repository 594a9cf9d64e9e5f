/**
 * An ORCA simulator: a small HTTP server on 127.0.0.1 answering the API calls the kiosk makes
 * (patientgetv2, patientlst3v2, acceptmodv2 00/01/02, acceptlstv2, system01lstv2) in ORCA's JSON or xml2
 * form, from the published formats. Knobs for what real clinics see: busy answers (90), duplicates (16),
 * outages (the port stops listening), slow answers, and a dropped answer after ORCA has acted (the case
 * that makes a re-send unsafe without asking first). Used by the tests and by `npm start`'s demo.
 *
 * (A little over 400 lines on purpose: one server whose endpoints and knobs read top to bottom; the wire
 * helpers are in simulator-wire.ts and the clinic's data in simulator-data.ts.)
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { kanaKey, parseRequest, recOf, str, xml2, MAX_BODY, type Rec } from './simulator-wire';
import { SIM_DEPARTMENTS, SIM_PHYSICIANS, simPatients, type SimPatient } from './simulator-data';

export interface SimAcceptance {
  acceptanceId: string;
  date: string;
  time: string;
  patientId: string;
  departmentCode: string;
  physicianCode: string;
  insuranceCombinationNumber: string;
  cancelled: boolean;
}

export interface OrcaSimulatorOptions {
  port?: number;
  user?: string;
  password?: string;
  patients?: SimPatient[];
  /** Answer 16 to a second 受付 of the same patient, date, time, department and doctor. Default true. */
  duplicateCheck?: boolean;
  /** Accept Patient_ID '*' (新患受付). Default true. */
  newPatients?: boolean;
  /** Older ORCA: ignores ?format=json and answers xml2, refuses JSON bodies with 400. Default true. */
  jsonSupported?: boolean;
  /** How many entries `log` keeps (the newest; default 1,000): the demo's simulator runs for days. */
  logLimit?: number;
  /** WebORCA-style HTTPS that requires a client certificate signed by `ca`. */
  tls?: { key: Buffer; cert: Buffer; ca: Buffer };
  /** "today" for Information_Date; default the request's Acceptance_Date or 1970-01-01. */
  today?: () => string;
}

type Answer = { root: string; body: Record<string, unknown> };

export interface OrcaSimulator {
  readonly url: string;
  readonly port: number;
  readonly acceptances: SimAcceptance[];
  readonly patients: Map<string, SimPatient>;
  /** The newest `logLimit` requests received, by path (for tests: how many registrations were attempted). */
  readonly log: { path: string; requestNumber?: string }[];
  /** The next `n` acceptmodv2 calls answer 90 (busy). */
  busyNext(n: number): void;
  /** The next `n` acceptmodv2 01 calls register, then the connection is dropped without an answer. */
  dropAfterProcessing(n: number): void;
  /** Delay every answer by `ms`. */
  setSlow(ms: number): void;
  /** Outage: stop listening (connections are refused) / listen again on the same port. */
  setDown(down: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startOrcaSimulator(options: OrcaSimulatorOptions = {}): Promise<OrcaSimulator> {
  const user = options.user ?? 'ormaster';
  const password = options.password ?? 'ormaster';
  const duplicateCheck = options.duplicateCheck ?? true;
  const newPatients = options.newPatients ?? true;
  const jsonSupported = options.jsonSupported ?? true;
  const patients = new Map((options.patients ?? simPatients()).map((p) => [p.patientId, p]));
  const acceptances: SimAcceptance[] = [];
  const log: { path: string; requestNumber?: string }[] = [];
  const logLimit = Math.max(1, options.logLimit ?? 1000);
  let busy = 0;
  let drop = 0;
  let slowMs = 0;
  let nextPatient = 90001;
  const expected = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
  const today = (fallback?: string) => options.today?.() ?? fallback ?? '1970-01-01';

  const head = (code: string, message: string, date?: string) => ({
    Information_Date: today(date),
    Information_Time: '00:00:00',
    Api_Result: code,
    Api_Result_Message: message,
  });

  const patientInfo = (p: SimPatient) => ({
    Patient_ID: p.patientId,
    WholeName: p.name,
    WholeName_inKana: p.kanaName,
    BirthDate: p.birthDate,
    Sex: p.sex,
    // Real answers carry address and phone too; the kiosk must drop them.
    Home_Address_Information: {
      Address_ZipCode: '1000001',
      WholeAddress1: '東京都千代田区',
      PhoneNumber1: '03-0000-0000',
    },
    HealthInsurance_Information: [
      ...p.insurance.map((i) => ({
        Insurance_Combination_Number: i.number,
        InsuranceProvider_Class: i.providerClass,
        InsuranceProvider_WholeName: i.providerName,
        Certificate_StartDate: i.startDate,
        Certificate_ExpiredDate: i.expiredDate,
      })),
      {},
      {},
    ],
  });

  function acceptmod(r: Rec | undefined): Answer & { dropAnswer?: boolean } {
    const rn = str(r, 'requestnumber');
    const date = str(r, 'acceptancedate');
    const time = str(r, 'acceptancetime');
    const dept = str(r, 'departmentcode');
    const doc = str(r, 'physiciancode');
    let pid = str(r, 'patientid');
    const root = 'acceptres';
    if (busy > 0) {
      busy--;
      return { root, body: head('90', '他端末使用中', date) };
    }
    if (rn === '02') {
      const a = acceptances.find(
        (x) => x.acceptanceId === str(r, 'acceptanceid') && x.date === date && x.patientId === pid && !x.cancelled,
      );
      if (!a) return { root, body: head('11', '受付IDが存在しません', date) };
      a.cancelled = true;
      return {
        root,
        body: {
          ...head('00', '受付取消終了', date),
          Acceptance_Id: a.acceptanceId,
          Acceptance_Date: a.date,
          Acceptance_Time: a.time,
          Patient_Information: { Patient_ID: a.patientId },
        },
      };
    }
    if (rn === '00') {
      const a = acceptances.find((x) => x.patientId === pid && x.date === date && x.time === time && !x.cancelled);
      if (!a) return { root, body: head('21', '対象の受付はありません', date) };
      return {
        root,
        body: {
          ...head('00', '処理終了', date),
          Acceptance_Id: a.acceptanceId,
          Acceptance_Date: a.date,
          Acceptance_Time: a.time,
          Patient_Information: { Patient_ID: a.patientId },
        },
      };
    }
    if (rn !== '01') return { root, body: head('01', 'リクエスト番号エラー', date) };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}:\d{2}$/.test(time))
      return { root, body: head('02', '受付日時エラー', date) };
    if (!SIM_DEPARTMENTS.some((d) => d.code === dept)) return { root, body: head('12', '診療科が存在しません', date) };
    if (!SIM_PHYSICIANS.some((d) => d.code === doc)) return { root, body: head('13', 'ドクターが存在しません', date) };
    if (pid === '*') {
      if (!newPatients) return { root, body: head('10', '患者番号に該当する患者が存在しません', date) };
      const kana = str(r, 'wholenameinkana');
      const birth = str(r, 'birthdate');
      if (!kana || !/^\d{4}-\d{2}-\d{2}$/.test(birth))
        return { root, body: head('14', '新規患者の氏名・生年月日がありません', date) };
      pid = String(nextPatient++);
      const sex = str(r, 'sex') === '2' ? '2' : '1';
      patients.set(pid, {
        patientId: pid,
        name: str(r, 'wholename') || kana,
        kanaName: kana,
        birthDate: birth,
        sex,
        insurance: [],
      });
    }
    const p = patients.get(pid);
    if (!p) return { root, body: head('10', '患者番号に該当する患者が存在しません', date) };
    if (
      duplicateCheck &&
      acceptances.some(
        (x) =>
          x.patientId === pid &&
          x.date === date &&
          x.time === time &&
          x.departmentCode === dept &&
          x.physicianCode === doc &&
          !x.cancelled,
      )
    ) {
      return { root, body: head('16', '既に同日の受付があります', date) };
    }
    const valid = p.insurance.filter((i) => i.expiredDate >= date && i.startDate <= date);
    const chosen = valid.find((i) => i.providerClass !== '980') ?? valid[0];
    const warnings: string[] = [];
    if (valid.length > 1) warnings.push('保険組合せが複数あります。保険組合せを自動設定しました');
    if (!chosen) warnings.push('有効な保険組合せがありません');
    const seq = acceptances.filter((x) => x.date === date).length + 1;
    const a: SimAcceptance = {
      acceptanceId: String(seq).padStart(5, '0'),
      date,
      time,
      patientId: pid,
      departmentCode: dept,
      physicianCode: doc,
      insuranceCombinationNumber: chosen?.number ?? '',
      cancelled: false,
    };
    acceptances.push(a);
    const dropAnswer = drop > 0;
    if (dropAnswer) drop--;
    return {
      root,
      dropAnswer,
      body: {
        ...head(warnings.length > 0 ? 'K3' : '00', '受付登録終了', date),
        ...(warnings.length > 0
          ? { Api_Warning_Message_Information: [...warnings.map((w) => ({ Api_Warning_Message: w })), {}] }
          : {}),
        Reskey: 'Acceptance_Info',
        Acceptance_Date: a.date,
        Acceptance_Time: a.time,
        Acceptance_Id: a.acceptanceId,
        Department_Code: dept,
        Physician_Code: doc,
        Patient_Information: {
          Patient_ID: p.patientId,
          WholeName: p.name,
          WholeName_inKana: p.kanaName,
          BirthDate: p.birthDate,
          Sex: p.sex,
        },
        HealthInsurance_Information: chosen
          ? [{ Insurance_Combination_Number: chosen.number, InsuranceProvider_Class: chosen.providerClass }]
          : [],
      },
    };
  }

  function route(path: string, query: URLSearchParams, req: Rec): (Answer & { dropAnswer?: boolean }) | undefined {
    switch (path) {
      case '/api01rv2/patientgetv2': {
        const p = patients.get((query.get('id') ?? '').padStart(5, '0')) ?? patients.get(query.get('id') ?? '');
        if (!p) return { root: 'patientinfores', body: head('10', '該当患者なし') };
        return {
          root: 'patientinfores',
          body: { ...head('00', '処理終了'), Reskey: 'Patient Info', Patient_Information: patientInfo(p) },
        };
      }
      case '/api01rv2/patientlst3v2': {
        const r = recOf(req.patientlst3req);
        const name = kanaKey(str(r, 'wholename'));
        const from = str(r, 'birthstartdate') || '0000-00-00';
        const to = str(r, 'birthenddate') || '9999-99-99';
        if (!name) return { root: 'patientlst2res', body: head('01', '氏名の設定がありません') };
        const found = [...patients.values()].filter(
          (p) =>
            (kanaKey(p.kanaName).startsWith(name) || kanaKey(p.name).startsWith(name)) &&
            p.birthDate >= from &&
            p.birthDate <= to,
        );
        if (found.length === 0) return { root: 'patientlst2res', body: head('21', '該当患者なし') };
        const c = String(found.length).padStart(3, '0');
        return {
          root: 'patientlst2res',
          body: { ...head('00', '処理終了'), Target_Patient_Count: c, Patient_Information: found.map(patientInfo) },
        };
      }
      case '/orca11/acceptmodv2':
        return acceptmod(recOf(req.acceptreq));
      case '/api01rv2/acceptlstv2': {
        const r = recOf(req.acceptlstreq);
        const date = str(r, 'acceptancedate');
        const list = acceptances.filter(
          (a) =>
            a.date === date &&
            !a.cancelled &&
            (!str(r, 'departmentcode') || a.departmentCode === str(r, 'departmentcode')),
        );
        if (list.length === 0) return { root: 'acceptlstres', body: head('21', '対象の受付はありません', date) };
        const entries = list.map((a) => ({
          Acceptance_Time: a.time,
          Acceptance_Id: a.acceptanceId,
          Department_Code: a.departmentCode,
          Physician_Code: a.physicianCode,
          Patient_Information: { Patient_ID: a.patientId, WholeName_inKana: patients.get(a.patientId)?.kanaName ?? '' },
        }));
        return {
          root: 'acceptlstres',
          body: { ...head('00', '処理終了', date), Acceptance_Date: date, Acceptlst_Information: entries },
        };
      }
      case '/api01rv2/system01lstv2': {
        const cls = query.get('class');
        if (cls === '01')
          return {
            root: 'departmentres',
            body: {
              ...head('00', '処理終了'),
              Department_Information: [...SIM_DEPARTMENTS.map((d) => ({ Code: d.code, WholeName: d.name })), {}],
            },
          };
        if (cls === '02')
          return {
            root: 'physicianres',
            body: {
              ...head('00', '処理終了'),
              Physician_Information: [
                ...SIM_PHYSICIANS.map((d) => ({ Code: d.code, WholeName: d.name, WholeName_inKana: d.kana })),
                {},
              ],
            },
          };
        return { root: 'system01res', body: head('01', 'クラスエラー') };
      }
      default:
        return undefined;
    }
  }

  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="ORCA"' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const wantsJson = url.searchParams.get('format') === 'json' && jsonSupported;
      if (!jsonSupported && text.trimStart().startsWith('{')) {
        res.writeHead(400).end('bad request');
        return;
      }
      // Requests come as {"acceptreq": {...}} or <data><acceptreq>…: both end up as { acceptreq: {...} }.
      const tree = parseRequest(text);
      if (!tree) {
        res.writeHead(400).end('bad request');
        return;
      }
      const answer = route(url.pathname, url.searchParams, tree);
      const acceptreq = recOf(tree.acceptreq);
      log.push({ path: url.pathname, ...(acceptreq ? { requestNumber: str(acceptreq, 'requestnumber') } : {}) });
      // Bounded: the demo kiosk's embedded simulator would otherwise keep every request for as long as it runs.
      if (log.length > logLimit) log.splice(0, log.length - logLimit);
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      const send = () => {
        if (answer.dropAnswer) {
          req.socket.destroy();
          return;
        }
        if (wantsJson)
          res
            .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
            .end(JSON.stringify({ [answer.root]: answer.body }));
        else
          res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' }).end(xml2(answer.root, answer.body));
      };
      if (slowMs > 0) setTimeout(send, slowMs);
      else send();
    });
  };
  const server = options.tls
    ? https.createServer({ ...options.tls, requestCert: true, rejectUnauthorized: true }, handler)
    : http.createServer(handler);

  const sockets = new Set<Socket>();
  server.on(options.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let listening = true;

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    acceptances,
    patients,
    log,
    busyNext: (n) => {
      busy = n;
    },
    dropAfterProcessing: (n) => {
      drop = n;
    },
    setSlow: (ms) => {
      slowMs = ms;
    },
    setDown: async (down) => {
      if (down && listening) {
        listening = false;
        await new Promise<void>((r) => {
          server.close(() => r());
          for (const s of sockets) s.destroy();
        });
      } else if (!down && !listening) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, '127.0.0.1', () => resolve());
        });
        listening = true;
      }
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      if (listening) await new Promise<void>((r) => server.close(() => r()));
      listening = false;
    },
  };
}
