/**
 * The ORCA API client: HTTP Basic (on-prem, port 8000), optionally a PKCS#12 client certificate (WebORCA
 * cloud); JSON (`?format=json`) with the xml2 form as a fallback for older versions; a time limit on every
 * call; retries with back-off while ORCA answers 90 (another terminal is busy). Every answer is bounded in
 * size and parsed by wire.ts into typed values; failures are OrcaError values, never exceptions.
 */
import http from 'node:http';
import https from 'node:https';
import type { Tree } from './wire';
import {
  MAX_RESPONSE_BYTES,
  acceptanceRecord,
  bodyToTree,
  parseAcceptance,
  parseAcceptanceList,
  parseCodeList,
  parsePatientGet,
  parsePatientList,
  requestBody,
  type Header,
  type RequestRecord,
} from './wire';
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

export interface OrcaClientConfig {
  /** e.g. http://orca.local:8000 or https://weborca.cloud.orcamo.jp */
  baseUrl: string;
  user: string;
  password: string;
  /** WebORCA: the PKCS#12 client certificate and its passphrase. */
  clientCertificate?: { pfx: Buffer; passphrase?: string };
  /** Extra CA certificate(s) to trust for an https ORCA with its own CA (PEM). */
  ca?: Buffer;
  /** 'auto' (default): JSON, and xml2 from then on if this ORCA does not speak JSON. */
  format?: 'auto' | 'json' | 'xml';
  /** Per HTTP call. Default 10 s. */
  timeoutMs?: number;
  /** Attempts while ORCA answers 90 (busy). Default 4. */
  busyAttempts?: number;
  /** First back-off delay; doubles each time. Default 500 ms. */
  busyBackoffMs?: number;
  /** Injected for tests; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

interface RawAnswer {
  status: number;
  body: string;
  contentType: string;
}

export interface OrcaClient {
  getPatient(patientId: string): Promise<OrcaOutcome<{ header: Header; patient?: OrcaPatient }>>;
  searchPatients(q: {
    kanaName: string;
    birthDate: string;
    sex?: '1' | '2';
  }): Promise<OrcaOutcome<{ header: Header; patients: OrcaPatient[] }>>;
  accept(r: AcceptanceRequest): Promise<OrcaOutcome<AcceptanceResult>>;
  listAcceptances(q: {
    date: string;
    departmentCode?: string;
    physicianCode?: string;
  }): Promise<OrcaOutcome<{ header: Header; entries: AcceptanceListEntry[] }>>;
  departments(baseDate: string): Promise<OrcaOutcome<OrcaDepartment[]>>;
  physicians(baseDate: string): Promise<OrcaOutcome<OrcaPhysician[]>>;
  /** The format in use after fallback, for the admin screen. */
  format(): 'json' | 'xml';
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createOrcaClient(config: OrcaClientConfig): OrcaClient {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('scheme');
  } catch {
    const bad = async () => orcaError('not-configured', 'the ORCA URL is not an http(s) URL');
    return {
      getPatient: bad,
      searchPatients: bad,
      accept: bad,
      listAcceptances: bad,
      departments: bad,
      physicians: bad,
      format: () => 'json',
    };
  }
  const timeoutMs = config.timeoutMs ?? 10_000;
  const busyAttempts = Math.max(1, config.busyAttempts ?? 4);
  const backoff = config.busyBackoffMs ?? 500;
  const sleep = config.sleep ?? defaultSleep;
  let format: 'json' | 'xml' = config.format === 'xml' ? 'xml' : 'json';
  const auth = 'Basic ' + Buffer.from(`${config.user}:${config.password}`, 'utf8').toString('base64');

  /** One HTTP exchange. `mutating` decides whether a failure after the body was sent is 'outcome-unknown'. */
  function exchange(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body: string | undefined,
    mutating: boolean,
  ): Promise<OrcaOutcome<RawAnswer>> {
    const url = new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base.href : base.href + '/');
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (format === 'json') url.searchParams.set('format', 'json');
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      let sent = false;
      const done = (v: OrcaOutcome<RawAnswer>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(v);
      };
      const failAfterSend = (what: string) =>
        sent && mutating
          ? orcaError('outcome-unknown', `${what} after the request was sent: ORCA may have acted on it`)
          : orcaError(what === 'timeout' ? 'timeout' : 'unreachable', `ORCA ${what}`);
      const req = lib.request(
        url,
        {
          method,
          headers: {
            Authorization: auth,
            Accept: format === 'json' ? 'application/json' : 'application/xml',
            ...(body !== undefined
              ? {
                  'Content-Type':
                    format === 'json' ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8',
                  'Content-Length': Buffer.byteLength(body),
                }
              : {}),
          },
          ...(config.clientCertificate
            ? { pfx: config.clientCertificate.pfx, passphrase: config.clientCertificate.passphrase }
            : {}),
          ...(config.ca ? { ca: config.ca } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) {
              res.destroy();
              done(orcaError('too-large', 'ORCA answer larger than allowed'));
              return;
            }
            chunks.push(c);
          });
          res.on('end', () =>
            done({
              ok: true,
              value: {
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
                contentType: String(res.headers['content-type'] ?? ''),
              },
            }),
          );
          res.on('error', () => done(failAfterSend('connection lost')));
        },
      );
      const timer = setTimeout(() => {
        done(failAfterSend('timeout'));
        req.destroy();
      }, timeoutMs);
      req.on('finish', () => {
        sent = true;
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (!sent || !mutating) done(orcaError('unreachable', `ORCA unreachable (${e.code ?? 'error'})`));
        else done(failAfterSend('connection lost'));
      });
      req.end(body);
    });
  }

  /** Exchange + status handling + JSON→xml2 fallback + parse into the `…res` record. */
  async function call(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    reqName: string | undefined,
    rec: RequestRecord | undefined,
    mutating: boolean,
  ): Promise<OrcaOutcome<{ [key: string]: Tree }>> {
    for (let round = 0; round < 2; round++) {
      const body = reqName && rec ? requestBody(reqName, rec, format) : undefined;
      const answer = await exchange(method, path, query, body, mutating);
      if (!answer.ok) return answer;
      const { status, body: text } = answer.value;
      if (status === 401 || status === 403)
        return orcaError('auth', 'ORCA refused the user or password', { httpStatus: status });
      if (status === 405)
        return orcaError('method-not-allowed', 'ORCA answered 405: allow POST for the API in its route settings', {
          httpStatus: status,
        });
      const looksJson = text.trimStart().startsWith('{');
      const looksXml = text.trimStart().startsWith('<');
      // An ORCA without JSON support either ignores ?format=json (then answers xml2: fine) or refuses the
      // JSON body without acting on it (4xx, or an answer without a record). Switch to xml2 and ask again.
      if (
        config.format !== 'json' &&
        format === 'json' &&
        round === 0 &&
        !looksJson &&
        (status === 400 || status === 404 || status === 415 || status === 500 || (!looksXml && status === 200))
      ) {
        format = 'xml';
        continue;
      }
      if (status < 200 || status >= 300)
        return orcaError('http', `ORCA answered HTTP ${status}`, { httpStatus: status });
      return bodyToTree(text);
    }
    return orcaError('bad-response', 'ORCA answered neither JSON nor xml2');
  }

  /** Repeats while ORCA says 90 (busy): that answer means nothing was done, so repeating is safe. */
  async function withBusyRetry<T extends { header?: Header; apiResult?: string }>(
    run: () => Promise<OrcaOutcome<T>>,
  ): Promise<OrcaOutcome<T>> {
    let delay = backoff;
    for (let attempt = 1; ; attempt++) {
      const r = await run();
      const code = r.ok ? (r.value.header?.apiResult ?? r.value.apiResult) : undefined;
      if (code !== '90') return r;
      if (attempt >= busyAttempts)
        return orcaError('busy', 'ORCA is busy (another terminal is using it)', { apiResult: '90' });
      await sleep(delay);
      delay *= 2;
    }
  }

  return {
    format: () => format,
    getPatient: (patientId) =>
      withBusyRetry(async () => {
        const t = await call('GET', '/api01rv2/patientgetv2', { id: patientId }, undefined, undefined, false);
        return t.ok ? parsePatientGet(t.value) : t;
      }),
    searchPatients: (q) =>
      withBusyRetry(async () => {
        const rec: RequestRecord = {
          WholeName: q.kanaName,
          Birth_StartDate: q.birthDate,
          Birth_EndDate: q.birthDate,
          Sex: q.sex ?? '',
          InOut: '',
        };
        const t = await call('POST', '/api01rv2/patientlst3v2', { class: '01' }, 'patientlst3req', rec, false);
        return t.ok ? parsePatientList(t.value) : t;
      }),
    accept: (r) =>
      withBusyRetry(async () => {
        const t = await call(
          'POST',
          '/orca11/acceptmodv2',
          {},
          'acceptreq',
          acceptanceRecord(r),
          r.requestNumber !== '00',
        );
        return t.ok ? parseAcceptance(t.value) : t;
      }),
    listAcceptances: (q) =>
      withBusyRetry(async () => {
        const rec: RequestRecord = {
          Acceptance_Date: q.date,
          Department_Code: q.departmentCode ?? '',
          Physician_Code: q.physicianCode ?? '',
          Medical_Information: '',
        };
        const t = await call('POST', '/api01rv2/acceptlstv2', { class: '03' }, 'acceptlstreq', rec, false);
        return t.ok ? parseAcceptanceList(t.value) : t;
      }),
    departments: async (baseDate) => {
      const t = await call(
        'POST',
        '/api01rv2/system01lstv2',
        { class: '01' },
        'system01_managereq',
        { Request_Number: '01', Base_Date: baseDate },
        false,
      );
      return t.ok ? parseCodeList(t.value, 'department') : t;
    },
    physicians: async (baseDate) => {
      const t = await call(
        'POST',
        '/api01rv2/system01lstv2',
        { class: '02' },
        'system01_managereq',
        { Request_Number: '02', Base_Date: baseDate },
        false,
      );
      return t.ok ? parseCodeList(t.value, 'physician') : t;
    },
  };
}
