import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, type Clock } from '../../../electron/core/clock';
import { buildNumberQueryXml, parseFaceFileName, parseOnshiResult } from '../../../electron/onshi/index';
import { outcomeFromResult } from '../../../electron/onshi/outcome';
import {
  defaultPersonas,
  loadPersonas,
  personaNumbers,
  personaResult,
  resolveDate,
} from '../../../electron/terminal/personas';
import { cardFailureKind } from '../../../shared/card-reads/failure';
import { createTerminalSimulator, type TerminalSimulator } from '../../../electron/terminal/simulator';
import { tempDir } from '../../helpers/temp';

const clock = createClock({ fixedStart: '2026-11-25T09:30:00+09:00', timeZone: 'Asia/Tokyo' }) as Clock;
const sims: TerminalSimulator[] = [];
afterEach(async () => {
  while (sims.length) await sims.pop()!.stop();
});
async function sim(config = { answerDelayMs: 0, slowAnswerMs: 300, pollMs: 10 }, forgetAfterMs?: number) {
  const s = createTerminalSimulator({
    dir: tempDir('sim-'),
    clock,
    institutionCode: () => '1312345678',
    config: () => config,
    ...(forgetAfterMs !== undefined ? { forgetAfterMs } : {}),
  });
  await s.start();
  sims.push(s);
  return s;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ask(
  dir: string,
  fileId: string,
  n: { insurerNumber: string; symbol?: string; number: string; branch?: string; birthDate: string },
) {
  const name = `OQSsiquc01req_${fileId}.xml`;
  const bytes = buildNumberQueryXml({ ...n, confirmationDate: clock.today(), institutionCode: '1312345678', fileId });
  fs.writeFileSync(path.join(dir, 'req', `.${name}.tmp`), bytes);
  fs.renameSync(path.join(dir, 'req', `.${name}.tmp`), path.join(dir, 'req', name));
  return path.join(dir, 'res', `OQSsiquc01res_${fileId}.xml`);
}

const EXPECTED: Record<string, { validity?: string; status: 'ok' | 'error'; people: number }> = {
  'main-insured': { validity: 'valid', status: 'ok', people: 1 },
  dependant: { validity: 'valid', status: 'ok', people: 1 },
  'preschool-child': { validity: 'valid', status: 'ok', people: 1 },
  'elderly-70-74': { validity: 'valid', status: 'ok', people: 1 },
  'late-elderly': { validity: 'valid', status: 'ok', people: 1 },
  'limit-class': { validity: 'valid', status: 'ok', people: 1 },
  'lost-qualification': { validity: 'invalid', status: 'ok', people: 1 },
  'newer-qualification': { validity: 'invalid-newer', status: 'ok', people: 1 },
  'not-found': { validity: 'not-found', status: 'ok', people: 0 },
  multiple: { validity: 'multiple', status: 'ok', people: 2 },
  'system-error': { status: 'error', people: 0 },
  'slow-answer': { validity: 'valid', status: 'ok', people: 1 },
  'no-answer': { validity: 'valid', status: 'ok', people: 1 },
  'kokuho-sjis': { validity: 'valid', status: 'ok', people: 1 },
  // Card-side failures (only card reads fail; the kind is read from the message: shared/card-reads/failure.ts).
  'pin-locked': { status: 'error', people: 0 },
  'certificate-expired': { status: 'error', people: 0 },
  'not-registered': { status: 'error', people: 0 },
};
const CARD_SIDE = ['pin-locked', 'certificate-expired', 'not-registered'];

describe('persona fixtures', () => {
  it('load, validate and cover every persona the issue lists', () => {
    const personas = defaultPersonas();
    expect(personas.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const p of personas) expect(p.label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese labels
  });

  it('a broken fixture is refused with a readable message', () => {
    const r = loadPersonas({
      version: 1,
      personas: [
        {
          id: 'x',
          label: 'x',
          description: 'x',
          numbers: { insurerNumber: '1', number: '1', birthDate: 'soon' },
          people: [],
        },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/insurerNumber|birthDate/);
  });

  it.each(CARD_SIDE)('%s fails card reads only: a number query for the same person answers 有効', (id) => {
    const p = defaultPersonas().find((x) => x.id === id)!;
    const ctx = { today: '2026-11-25', nowLocal: '20261125093000', institutionCode: '1312345678' };
    const byCard = personaResult(p, { ...ctx, source: 'card' });
    expect(byCard.failure).toMatchObject({ kind: 'processing' });
    expect(byCard.people).toEqual([]);
    const byNumbers = personaResult(p, { ...ctx, source: 'numbers' });
    expect(byNumbers.failure).toBeUndefined();
    expect(byNumbers.people).toHaveLength(1);
  });

  it('relative dates keep ages true on any day', () => {
    expect(resolveDate('today-3y-10d', '2026-11-25')).toBe('2023-11-15');
    expect(resolveDate('today+1y', '2024-02-29')).toBe('2025-02-28');
    expect(resolveDate('1980-01-15', '2026-11-25')).toBe('1980-01-15');
    const child = defaultPersonas().find((p) => p.id === 'preschool-child')!;
    expect(personaNumbers(child, '2026-11-25').birthDate).toBe('2023-11-15');
  });
});

describe('terminal simulator', () => {
  it.each(Object.keys(EXPECTED).filter((id) => id !== 'no-answer'))(
    'presentCard(%s) writes a face file the parser reads as expected',
    async (id) => {
      const s = await sim({ answerDelayMs: 0, slowAnswerMs: 0, pollMs: 10 });
      const r = await s.presentCardAsync(id);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(parseFaceFileName(r.fileName)).toMatchObject({
        institutionCode: '1312345678',
        localTime: expect.stringMatching(/^2026-11-25T09:30/),
      });
      const parsed = parseOnshiResult(fs.readFileSync(r.path));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.result).toMatchObject({ source: 'card', status: EXPECTED[id]!.status });
      expect(parsed.result.validity).toBe(EXPECTED[id]!.validity);
      expect(parsed.result.people).toHaveLength(EXPECTED[id]!.people);
      if (id === 'kokuho-sjis') expect(parsed.result.encoding).toBe('shift_jis');
      if (id === 'preschool-child') expect(parsed.result.people[0]!.preschool).toBe(true);
      if (id === 'elderly-70-74') expect(parsed.result.people[0]!.copayPercent).toBe(20);
      if (id === 'late-elderly')
        expect(parsed.result.people[0]).toMatchObject({ copayPercent: 20, insurerNumber: '39139993' });
      if (id === 'limit-class') expect(parsed.result.people[0]!.limitClass).toBe('A03');
      if (CARD_SIDE.includes(id)) expect(cardFailureKind(outcomeFromResult(parsed.result))).toBe(id);
      if (id === 'system-error') expect(cardFailureKind(outcomeFromResult(parsed.result))).toBe('system-error');
      expect(fs.readdirSync(path.join(s.dir, 'face')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('answers a number query for a persona, and 該当資格なし for numbers it does not know', async () => {
    const s = await sim();
    const main = s.personas().find((p) => p.id === 'main-insured')!;
    const res1 = ask(s.dir, 'Q1', main.numbers!);
    const res2 = ask(s.dir, 'Q2', { ...main.numbers!, number: '4321' });
    await expect.poll(() => fs.existsSync(res1) && fs.existsSync(res2)).toBe(true);
    const a = parseOnshiResult(fs.readFileSync(res1));
    const b = parseOnshiResult(fs.readFileSync(res2));
    expect(a.ok && a.result).toMatchObject({
      source: 'numbers',
      status: 'ok',
      validity: 'valid',
      fileId: 'Q1',
      people: [{ name: '試験　太郎' }],
    });
    expect(b.ok && b.result).toMatchObject({
      source: 'numbers',
      status: 'ok',
      validity: 'not-found',
      fileId: 'Q2',
      people: [],
    });
    expect(s.answered().get('OQSsiquc01req_Q1.xml')).toBe('main-insured');
    // It never deletes the requests: that is the requester's business.
    expect(fs.existsSync(path.join(s.dir, 'req', 'OQSsiquc01req_Q1.xml'))).toBe(true);
  });

  it('no-answer never answers; system-error answers SegmentOfResult 9; slow answers after its delay', async () => {
    const s = await sim({ answerDelayMs: 0, slowAnswerMs: 250, pollMs: 10 });
    const by = (id: string) => s.personas().find((p) => p.id === id)!.numbers!;
    const t0 = Date.now();
    const none = ask(s.dir, 'N1', by('no-answer'));
    const err = ask(s.dir, 'E1', by('system-error'));
    const slow = ask(s.dir, 'S1', by('slow-answer'));
    await expect.poll(() => fs.existsSync(err)).toBe(true);
    const e = parseOnshiResult(fs.readFileSync(err));
    expect(e.ok && e.result).toMatchObject({ status: 'error', errorCode: 'EQ999', codes: { segmentOfResult: '9' } });
    expect(fs.existsSync(slow)).toBe(false);
    await expect.poll(() => fs.existsSync(slow)).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    await sleep(100);
    expect(fs.existsSync(none)).toBe(false);
  });

  it('offers its personas for the demo panel with Japanese descriptions and the numbers to type', async () => {
    const s = await sim();
    const list = s.personas();
    expect(list[0]).toMatchObject({
      id: 'main-insured',
      label: expect.stringContaining('試験'),
      description: expect.any(String),
      numbers: { insurerNumber: '01130012' },
    });
    expect(s.presentCard('nobody')).toMatchObject({ ok: false });
  });

  it('stops answering when stopped', async () => {
    const s = await sim({ answerDelayMs: 100, slowAnswerMs: 100, pollMs: 10 });
    const res = ask(s.dir, 'Z1', s.personas()[0]!.numbers!);
    await expect.poll(() => s.answered().size).toBe(1);
    await s.stop();
    await sleep(200);
    expect(fs.existsSync(res)).toBe(false);
  });
  it('forgets answered requests once they have left req/, so a long run does not grow its memory', async () => {
    const s = await sim({ answerDelayMs: 0, slowAnswerMs: 300, pollMs: 10 }, 50);
    const numbers = s.personas()[0]!.numbers!;
    for (let i = 0; i < 5; i++) {
      const res = ask(s.dir, `F${i}`, numbers);
      await expect.poll(() => fs.existsSync(res)).toBe(true);
      // what the kiosk does with an answered request
      fs.unlinkSync(path.join(s.dir, 'req', `OQSsiquc01req_F${i}.xml`));
    }
    await expect.poll(() => s.answered().size).toBe(0);
    // a request still in req/ is remembered (not answered twice)
    const res = ask(s.dir, 'F9', numbers);
    await expect.poll(() => fs.existsSync(res)).toBe(true);
    fs.unlinkSync(res);
    await sleep(150);
    expect(s.answered().size).toBe(1);
    expect(fs.existsSync(res)).toBe(false);
  });
});
