import { afterEach, describe, expect, it } from 'vitest';
import { createAssembly } from '../../../electron/core/assembly';
import { defineFeature } from '../../../electron/core/feature';
import { createLogger } from '../../../electron/core/logger';
import { openDatabase, schemaVersions, type Db } from '../../../electron/core/store/index';
import { KIOSK, STAFF } from '../../helpers/core';
import { tempDir } from '../../helpers/temp';

let db: Db | undefined;
afterEach(() => db?.close());
const log = createLogger({ console: false });

/** A feature as a new helper would write one: its own table, a service, an event, a timer to start and stop. */
function noteFeature(name: string, trace: string[]) {
  return defineFeature({
    name,
    migrations: [
      {
        version: 1,
        name: 'notes',
        sql: `CREATE TABLE ${name.replace('-', '_')}_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`,
      },
    ],
    create({ db, prefix }: { prefix: string } & { db: Db }) {
      const insert = db.prepare(`INSERT INTO ${name.replace('-', '_')}_notes (text) VALUES (?)`);
      return {
        service: { add: (t: string) => insert.run(`${prefix}${t}`).changes },
        subscribe: (caller, emit) => {
          trace.push(`${name} subscribe ${caller.role}`);
          if (caller.role !== 'kiosk')
            emit('reverify.updated', {
              sessionId: 's',
              queuedAt: '2026-11-25T00:00:00.000Z',
              status: 'pending',
              attempts: 0,
            });
          return () => trace.push(`${name} unsubscribe ${caller.role}`);
        },
        start: () => void trace.push(`${name} start`),
        close: () => void trace.push(`${name} close`),
      };
    },
  });
}

describe('the feature assembly', () => {
  it('add migrates the feature’s tables, then creates it with its declared dependencies', () => {
    db = openDatabase(tempDir());
    const app = createAssembly(db, log);
    const notes = app.add(noteFeature('notes', []), { prefix: '>' });
    expect(notes.add('hello')).toBe(1);
    expect(db.prepare(`SELECT text FROM notes_notes`).get()).toEqual({ text: '>hello' });
    expect(schemaVersions(db).notes).toBe(1);
  });

  it('starts in order, closes in reverse, and a feature is added once', async () => {
    db = openDatabase(tempDir());
    const trace: string[] = [];
    const app = createAssembly(db, log);
    const a = noteFeature('a-one', trace);
    app.add(a, { prefix: '' });
    app.add(noteFeature('b-two', trace), { prefix: '' });
    expect(() => app.add(a, { prefix: '' })).toThrow(/added twice/);
    await app.start();
    await app.close();
    expect(trace).toEqual(['a-one start', 'b-two start', 'b-two close', 'a-one close']);
  });

  it('subscribes a caller to every feature and unsubscribes it from all', () => {
    db = openDatabase(tempDir());
    const trace: string[] = [];
    const app = createAssembly(db, log);
    app.add(noteFeature('a-one', trace), { prefix: '' });
    app.add(noteFeature('b-two', trace), { prefix: '' });
    const got: string[] = [];
    const off = app.subscribe(STAFF, (event) => got.push(event));
    app.subscribe(KIOSK, (event) => got.push(`kiosk ${event}`))();
    off();
    expect(got).toEqual(['reverify.updated', 'reverify.updated']);
    expect(trace.filter((t) => t.includes('unsubscribe'))).toHaveLength(4);
  });

  it('the request table refuses to start with an API name no feature handles', () => {
    db = openDatabase(tempDir());
    const app = createAssembly(db, log);
    app.add(noteFeature('notes', []), { prefix: '' });
    expect(() => app.table()).toThrow(/no handler for: status\.get/);
  });
});
