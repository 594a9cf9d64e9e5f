/**
 * Kill test (`npm run bench:kill`): a child process runs the real core (SQLite WAL synchronous=FULL, session
 * manager, embedded terminal simulator) driving scripted check-ins; the parent SIGKILLs it at random moments
 * (KILL_MIN_MS–KILL_MAX_MS after it is ready), restarts it on the same data folder, and checks after every
 * kill that each acknowledged transition is in the database. The child resumes every unfinished session on
 * start. Prints figures; exits 1 if anything acknowledged was lost or a session could not be resumed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const TARGET = Number(process.env.KILL_SESSIONS ?? 1000);
const MIN_MS = Number(process.env.KILL_MIN_MS ?? 30);
const MAX_MS = Number(process.env.KILL_MAX_MS ?? 700);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-kill-'));
const dataDir = path.join(root, 'data');
const child = path.join(import.meta.dirname, 'kill-child.ts');

interface Acked {
  version: number;
  state: string;
  ticket: string;
}
const started = Date.now();
const acked = new Map<string, Acked>(); // "session#version" -> what the child was told was committed
const resumed = { ok: 0, fail: [] as string[] };

function runOnce(killAfterMs: number): Promise<{ done: boolean; killed: boolean; acks: number; error?: string }> {
  return new Promise((resolve) => {
    // node itself (not the tsx wrapper, whose child would survive the SIGKILL and keep writing).
    const p = spawn(process.execPath, ['--import', 'tsx', child], {
      env: {
        ...process.env,
        KILL_DATA_DIR: dataDir,
        KILL_TARGET: String(TARGET),
        KILL_ELAPSED_MS: String(Date.now() - started),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    let done = false;
    let error: string | undefined;
    let acks = 0;
    let timer: NodeJS.Timeout | undefined;
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const [kind, ...f] = line.split(' ');
        if (kind === 'A') {
          acked.set(`${f[0]}#${f[1]}`, { version: Number(f[1]), state: f[2]!, ticket: f[3]! });
          acks += 1;
        } else if (kind === 'READY') timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
        else if (kind === 'R' && f[0] === 'ok') resumed.ok += 1;
        else if (kind === 'R') resumed.fail.push(f.slice(1).join(' '));
        else if (kind === 'DONE') done = true;
        else if (kind === 'ERROR') error = f.join(' ');
      }
    });
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL' && !error) error = `exit ${code}: ${stderr.slice(-800)}`;
      resolve({ done, killed: signal === 'SIGKILL', acks, ...(error ? { error } : {}) });
    });
  });
}

function lostAcks(): string[] {
  const db = new Database(path.join(dataDir, 'kiosk.sqlite3'), { readonly: true });
  try {
    const start = db.prepare(`SELECT version FROM sessions WHERE id = ?`);
    const tr = db.prepare(`SELECT to_state AS state FROM transitions WHERE session_id = ? AND version = ?`);
    const lost: string[] = [];
    for (const [key, a] of acked) {
      const id = key.split('#')[0]!;
      if (a.version === 0) {
        if (!start.get(id)) lost.push(key);
      } else if ((tr.get(id, a.version) as { state: string } | undefined)?.state !== a.state)
        lost.push(`${key} ${a.state}`);
    }
    return lost;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  console.log(
    `Kill test: ${TARGET} scripted check-ins, SIGKILL ${MIN_MS}–${MAX_MS} ms after each start; data in ${dataDir}`,
  );
  let kills = 0;
  let runs = 0;
  const lost = new Set<string>();
  for (;;) {
    runs += 1;
    const r = await runOnce(MIN_MS + Math.random() * (MAX_MS - MIN_MS));
    if (r.error) {
      console.log(`child error: ${r.error}`);
      process.exitCode = 1;
      break;
    }
    if (r.killed) kills += 1;
    for (const l of lostAcks()) lost.add(l);
    if (runs % 10 === 0)
      console.log(`  … ${runs} runs, ${kills} kills, ${acked.size} acknowledged transitions, lost so far ${lost.size}`);
    if (r.done) break;
  }
  const db = new Database(path.join(dataDir, 'kiosk.sqlite3'), { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const sessions = count(`SELECT count(*) AS n FROM sessions`);
  const completed = count(`SELECT count(*) AS n FROM sessions WHERE state = 'completed'`);
  const open = count(`SELECT count(*) AS n FROM sessions WHERE state NOT IN ('completed','cancelled','expired')`);
  const dupTickets = count(
    `SELECT count(*) AS n FROM (SELECT day, ticket_number FROM sessions WHERE ticket_number IS NOT NULL GROUP BY day, ticket_number HAVING count(*) > 1)`,
  );
  const transitions = count(`SELECT count(*) AS n FROM transitions`);
  // Sessions that did not complete: how they ended (a kill between 'start' and the next step leaves a session
  // the restarted kiosk resumes; anything cancelled is shown with its history).
  const notCompleted = db
    .prepare(
      `SELECT s.id, group_concat(t.event_type || '>' || t.to_state || ' by ' || t.actor, ', ') AS h FROM sessions s LEFT JOIN transitions t ON t.session_id = s.id WHERE s.state <> 'completed' GROUP BY s.id`,
    )
    .all() as { id: string; h: string | null }[];
  db.close();
  console.log(`
  runs (child processes)                 ${runs}
  SIGKILLs                               ${kills}
  sessions                               ${sessions} (completed ${completed}, cancelled/expired ${sessions - completed - open}, open ${open})
  transitions in the database            ${transitions}
  acknowledged transitions               ${acked.size}
  acknowledged transitions lost          ${lost.size}
  unfinished sessions resumed after kill ${resumed.ok} (failed to resume: ${resumed.fail.length})
  duplicate 受付番号                      ${dupTickets}
  wall time                              ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const c of notCompleted.slice(0, 10)) console.log(`  not completed: ${c.id}: ${c.h ?? '(no transitions)'}`);
  for (const l of [...lost].slice(0, 10)) console.log(`  LOST ${l}`);
  for (const f of resumed.fail.slice(0, 10)) console.log(`  NOT RESUMED ${f}`);
  if (lost.size || resumed.fail.length || dupTickets || open) process.exitCode = 1;
  fs.rmSync(root, { recursive: true, force: true });
}

void main();
