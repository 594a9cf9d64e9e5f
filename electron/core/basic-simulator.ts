/**
 * A minimal in-memory stand-in for the terminal, used until the onshi-folder adapter and the folder-based
 * terminal simulator take over. A virtual card presented on the demo panel answers the session that waits.
 */
import type { DemoPersona } from '../../shared/api/index';
import type { CardReadOutcome } from '../../shared/flow/session';
import type { CardEvent, EligibilityReader } from './readers';

const PERSONAS: (DemoPersona & { outcome: CardReadOutcome })[] = [
  {
    id: 'main-insured',
    label: '試験 太郎（本人・有効）',
    outcome: {
      ok: true,
      validity: 'valid',
      identity: { name: '試験　太郎', nameKana: 'ﾃｽﾄ ﾀﾛｳ', birthDate: '1980-01-15', insurerNumber: '01130012', symbol: '12345678', number: '1234', branch: '00', copayPercent: 30 },
    },
  },
  {
    id: 'not-found',
    label: '該当資格なし',
    outcome: { ok: true, validity: 'not-found' },
  },
];

export function createBasicSimulator(): EligibilityReader {
  const waiting = new Map<string, (e: CardEvent) => void>();
  return {
    kind: 'simulator',
    awaitCard(session, deliver) {
      waiting.set(session.id, deliver);
    },
    stopCard(id) {
      waiting.delete(id);
    },
    async verifyNumbers() {
      return { kind: 'answer', outcome: PERSONAS[0]!.outcome };
    },
    personas: () => PERSONAS.map(({ id, label }) => ({ id, label })),
    presentCard(personaId) {
      const p = PERSONAS.find((x) => x.id === personaId);
      if (!p) return { ok: false, message: `unknown persona ${personaId}` };
      const last = [...waiting.entries()].at(-1);
      if (!last) return { ok: false, message: 'no session is waiting for a card' };
      waiting.delete(last[0]);
      last[1]({ type: 'card-read', outcome: p.outcome });
      return { ok: true };
    },
    async close() {
      waiting.clear();
    },
  };
}
