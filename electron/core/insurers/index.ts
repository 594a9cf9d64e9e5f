/**
 * Insurer shortcuts: the insurers this clinic's patients are verified with most often, offered as buttons
 * on the printed-numbers screen (a 保険者番号 is 6–8 digits to type; its name is what a patient recognises
 * on the document). Learned from verified check-ins only — the terminal's answer, never a typed guess —
 * and counted per insurer: no session, patient or date is kept with it. An insurer is offered only after
 * `minVisits` verified check-ins (the clinic's setting; 0 = off), so a small 健保組合 with one patient here
 * is never shown on a public screen.
 */
import type { InsurerShortcut } from '../../../shared/api/index';
import { parseInsurerNumber } from '../../../shared/insurance/index';
import type { CheckInSession } from '../../../shared/flow/session';
import { defineFeature } from '../feature';
import type { SessionManager } from '../checkin/sessions';
import { owns } from '../checkin/index';
import { fail, ok, type RequestTable } from '../requests';
import type { Db, Migration } from '../store/index';

/** At most this many buttons: they must fit beside the keypad at both screen sizes. */
export const MAX_SHORTCUTS = 6;
/** Insurer names are shown on a button: a bounded, printable text. */
export const MAX_NAME_LENGTH = 40;

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'insurer shortcuts (counts per insurer, nothing per patient)',
    sql: `
      CREATE TABLE IF NOT EXISTS insurer_shortcuts (
        insurer_number TEXT PRIMARY KEY,
        name TEXT,
        verified INTEGER NOT NULL,
        last_day TEXT NOT NULL
      );
    `,
  },
];

/** A name as shown on a button: no control characters, spaces folded, at most MAX_NAME_LENGTH. */
export function cleanInsurerName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const cleaned = name
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
  return cleaned || undefined;
}

/** The check-in that just became verified by the terminal (card or numbers), with a valid insurer number. */
export function verifiedInsurer(next: CheckInSession, at: string): { digits: string; name?: string } | undefined {
  const v = next.verification;
  if (v.status !== 'verified' || v.at !== at) return undefined;
  const id = next.identity;
  if (!id || (id.source !== 'card' && id.source !== 'numbers') || !id.insurerNumber) return undefined;
  const r = parseInsurerNumber(id.insurerNumber);
  if (!r.ok) return undefined;
  const name = cleanInsurerName(id.insurerName);
  return { digits: r.value.digits, ...(name ? { name } : {}) };
}

export interface InsurerShortcuts {
  list(minVisits: number): InsurerShortcut[];
}

export interface InsurersDeps {
  sessions: SessionManager;
  /** The clinic's setting: verified check-ins before an insurer is offered; 0 = no shortcuts. */
  minVisits: () => number;
}

export const insurersFeature = defineFeature({
  name: 'insurers',
  migrations,
  create({ db, sessions, minVisits }: InsurersDeps & { db: Db }) {
    const upsert = db.prepare(
      `INSERT INTO insurer_shortcuts (insurer_number, name, verified, last_day) VALUES (?, ?, 1, ?)
       ON CONFLICT(insurer_number) DO UPDATE SET verified = verified + 1, last_day = excluded.last_day,
         name = COALESCE(excluded.name, insurer_shortcuts.name)`,
    );
    const select = db.prepare(
      `SELECT insurer_number AS insurerNumber, name FROM insurer_shortcuts WHERE verified >= ?
       ORDER BY verified DESC, last_day DESC, insurer_number LIMIT ?`,
    );
    // In the same transaction as the transition that verified the check-in.
    const offPersist = sessions.onPersist((next, _effects, at) => {
      const insurer = verifiedInsurer(next, at);
      if (insurer) upsert.run(insurer.digits, insurer.name ?? null, next.today);
    });
    const service: InsurerShortcuts = {
      list(min) {
        if (min <= 0) return [];
        const rows = select.all(min, MAX_SHORTCUTS) as { insurerNumber: string; name: string | null }[];
        return rows.map((r) => ({ insurerNumber: r.insurerNumber, ...(r.name ? { name: r.name } : {}) }));
      },
    };
    const handlers: Pick<RequestTable, 'session.insurerShortcuts'> = {
      'session.insurerShortcuts': ({ caller }, { sessionId }) => {
        const s = sessions.get(sessionId);
        if (!s || !owns(caller, s.kioskId)) return fail('not-found', 'no such session');
        return ok(service.list(minVisits()));
      },
    };
    return { service, handlers, close: offPersist };
  },
});
