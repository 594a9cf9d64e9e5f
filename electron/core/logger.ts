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

/**
 * The one logger: JSON lines in `<dataDir>/logs/kiosk.log`, and warnings/errors on stderr.
 * Callers pass codes and ids, never patient data (names, numbers, birth dates).
 */
export function createLogger(
  options: { dir?: string; level?: LogLevel; scope?: string; console?: boolean } = {},
): Logger {
  const level = options.level ?? 'info';
  let stream: fs.WriteStream | undefined;
  if (options.dir) {
    try {
      fs.mkdirSync(options.dir, { recursive: true });
      stream = fs.createWriteStream(path.join(options.dir, 'kiosk.log'), { flags: 'a' });
      stream.on('error', () => {
        stream = undefined; // a full or read-only disk must not take the kiosk down with it
      });
    } catch {
      stream = undefined;
    }
  }
  const make = (scope: string): Logger => {
    const write = (lvl: LogLevel, msg: string, data?: Record<string, unknown>) => {
      if (ORDER[lvl] < ORDER[level]) return;
      const line = JSON.stringify({ t: new Date().toISOString(), lvl, scope, msg, ...data });
      stream?.write(line + '\n');
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
