import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** How long the logger waits after a failed write before it tries the file again. */
export const LOG_RETRY_MS = 5_000;

/**
 * The one logger: JSON lines in `<dataDir>/logs/kiosk.log`, and warnings/errors on stderr.
 * Callers pass codes and ids, never patient data (names, numbers, birth dates).
 *
 * A full or read-only disk must not take the kiosk down with it, and must not silence it for good either:
 * after a failed write the file is dropped, lines are counted as lost (stderr still gets warnings), and the
 * next line after `retryMs` re-opens the file and first writes how many lines were lost.
 * (`now` only spaces retries; it is not the clinic clock.)
 */
export function createLogger(
  options: {
    dir?: string;
    level?: LogLevel;
    scope?: string;
    console?: boolean;
    retryMs?: number;
    now?: () => number;
  } = {},
): Logger {
  const level = options.level ?? 'info';
  const retryMs = options.retryMs ?? LOG_RETRY_MS;
  const now = options.now ?? (() => Date.now());
  let stream: fs.WriteStream | undefined;
  let failedAt: number | undefined;
  let lost = 0;
  let failure: string | undefined;

  const open = (): void => {
    if (!options.dir) return;
    try {
      fs.mkdirSync(options.dir, { recursive: true });
      const s = fs.createWriteStream(path.join(options.dir, 'kiosk.log'), { flags: 'a' });
      s.on('error', (e: NodeJS.ErrnoException) => {
        if (stream === s) stream = undefined;
        failedAt = now();
        failure = e.code ?? e.message;
        s.destroy();
      });
      stream = s;
      failedAt = undefined;
    } catch (e) {
      stream = undefined;
      failedAt = now();
      failure = (e as NodeJS.ErrnoException).code ?? String(e);
    }
  };
  open();

  const emit = (line: string): void => {
    if (!options.dir) return;
    if (!stream && failedAt !== undefined && now() - failedAt >= retryMs) {
      open();
      if (stream && lost > 0) {
        const note = JSON.stringify({
          t: new Date(now()).toISOString(),
          lvl: 'warn',
          scope: 'logger',
          msg: 'log lines lost while the log file could not be written',
          lost,
          cause: failure,
        });
        lost = 0;
        // A leading newline ends a line the failure may have torn in half.
        (stream as fs.WriteStream).write('\n' + note + '\n');
      }
    }
    if (stream) stream.write(line + '\n');
    else lost += 1;
  };

  const make = (scope: string): Logger => {
    const write = (lvl: LogLevel, msg: string, data?: Record<string, unknown>) => {
      if (ORDER[lvl] < ORDER[level]) return;
      const line = JSON.stringify({ t: new Date(now()).toISOString(), lvl, scope, msg, ...data });
      emit(line);
      if (options.console !== false && ORDER[lvl] >= ORDER.warn) process.stderr.write(line + '\n');
    };
    return {
      debug: (m, d) => write('debug', m, d),
      info: (m, d) => write('info', m, d),
      warn: (m, d) => write('warn', m, d),
      error: (m, d) => write('error', m, d),
      child: (s) => make(`${scope}.${s}`),
    };
  };
  return make(options.scope ?? 'kiosk');
}
