/**
 * `npm run admin -- <command>`: account and exposure management on the data folder (KIOSK_DATA_DIR or the
 * platform default), for the person at the kiosk machine's own console. Whoever can run this can read the
 * data folder anyway, so it needs no sign-in; every change is audited as `cli`. Secrets are read from the
 * terminal without echo (or one line from stdin when piped), never from the command line.
 *
 *   create-admin --name NAME     create-staff --name NAME     reset --name NAME
 *   disable --name NAME          enable --name NAME           list
 *   setup-code                   (a fresh one-time code for the first admin, while none exists)
 *   expose --bind ADDRESS [--port 5443] [--names kiosk.local,192.168.1.20]     expose --off
 *   fingerprint                  (the LAN certificate's SHA-256 fingerprint)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClock, isClockError } from '../core/clock';
import { defaultDataDir } from '../core/index';
import { createLogger } from '../core/logger';
import { chainOlderEntries } from '../core/audit/chain';
import { openCheckedDatabase } from '../core/storage/index';
import { migrateFeature } from '../core/store/index';
import { auditMigrations, createAuditLog } from '../core/audit/index';
import { STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS } from '../core/staff-accounts/migrations';
import { createExposureSetting } from '../core/staff-accounts/exposure';
import { createStaffAccounts } from '../core/staff-accounts/service';

const USAGE = `usage: npm run admin -- <command> [options]
  create-admin --name NAME | create-staff --name NAME | reset --name NAME
  disable --name NAME | enable --name NAME | list | setup-code
  expose --bind ADDRESS [--port PORT] [--names a,b] | expose --off | fingerprint
  (KIOSK_DATA_DIR chooses the data folder; secrets are asked for, never passed as arguments)`;

/** One line from stdin; on a terminal, without echo. */
export async function askSecret(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  output.write(prompt);
  if (!input.isTTY) {
    let buffered = '';
    for await (const chunk of input) {
      buffered += String(chunk);
      const nl = buffered.indexOf('\n');
      if (nl >= 0) return buffered.slice(0, nl).replace(/\r$/, '');
    }
    return buffered.trim();
  }
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          output.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

export async function runAdminCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      bind: { type: 'string' },
      port: { type: 'string' },
      names: { type: 'string' },
      off: { type: 'boolean' },
    },
    strict: true,
  });
  const dataDir = path.resolve(env.KIOSK_DATA_DIR?.trim() || defaultDataDir());
  const clock = createClock(env.KIOSK_NOW ? { fixedStart: env.KIOSK_NOW } : {});
  if (isClockError(clock)) throw new Error(clock.message);
  fs.mkdirSync(dataDir, { recursive: true });
  const log = createLogger({ dir: path.join(dataDir, 'logs'), scope: 'cli', console: false });
  // The same start-up checks as the kiosk (a missing, empty or corrupt database is refused, never replaced)
  // and the audit chain's SQL function registered before anything is prepared.
  const db = openCheckedDatabase({ dataDir, nowIso: clock.nowIso(), log });
  try {
    migrateFeature(db, 'audit', auditMigrations);
    chainOlderEntries(db);
    migrateFeature(db, STAFF_ACCOUNTS_FEATURE, STAFF_ACCOUNTS_MIGRATIONS);
    const auditLog = createAuditLog(db);
    const audit = (e: Parameters<typeof auditLog.write>[0]) => auditLog.write(e);
    const accounts = createStaffAccounts({ db: db, clock, log, audit });
    const named = () => {
      if (!values.name) throw new Error('--name is required');
      const a = accounts.findByName(values.name);
      if (!a) throw new Error(`no account named '${values.name}'`);
      return a;
    };
    const secretTwice = async () => {
      const first = await askSecret('PIN (6–12 digits) or password (8+ characters): ');
      const second = process.stdin.isTTY ? await askSecret('again: ') : first;
      if (first !== second) throw new Error('the two entries differ');
      return first;
    };
    switch (command) {
      case 'create-admin':
      case 'create-staff': {
        if (!values.name) throw new Error('--name is required');
        const r = await accounts.create(
          { name: values.name, role: command === 'create-admin' ? 'admin' : 'staff', secret: await secretTwice() },
          'cli',
        );
        if (!r.ok) throw new Error(r.error.message);
        console.log(`created ${r.value.role} '${r.value.name}'`);
        return 0;
      }
      case 'reset': {
        const a = named();
        const r = await accounts.resetSecret(a.id, await secretTwice(), 'cli');
        if (!r.ok) throw new Error(r.error.message);
        console.log(`new PIN/password set for '${a.name}'; their sign-ins were ended`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const a = named();
        const r = accounts.setDisabled(a.id, command === 'disable', 'cli');
        if (!r.ok) throw new Error(r.error.message);
        console.log(`${command}d '${a.name}'`);
        return 0;
      }
      case 'list':
        for (const a of accounts.list())
          console.log(
            `${a.role.padEnd(5)}  ${a.disabled ? 'disabled' : 'enabled '}  ${a.lockedUntil ? 'locked  ' : '        '}  ${a.name}`,
          );
        return 0;
      case 'setup-code': {
        const code = accounts.issueSetupCode();
        console.log(
          code
            ? `one-time setup code: ${code}  (enter it at /admin on this machine)`
            : 'an admin exists already: sign in, or use create-admin',
        );
        return 0;
      }
      case 'expose': {
        const exposure = createExposureSetting({ db: db, clock, audit });
        const r = values.off
          ? exposure.set(null, 'cli')
          : exposure.set(
              {
                bind: values.bind ?? '',
                ...(values.port ? { port: Number(values.port) } : {}),
                ...(values.names ? { names: values.names.split(',') } : {}),
              },
              'cli',
            );
        if (!r.ok) throw new Error(r.error.message);
        console.log(
          r.value
            ? `the host will listen on https://${r.value.bind}:${r.value.port} after its next start`
            : 'loopback only after the next start',
        );
        return 0;
      }
      case 'fingerprint': {
        const file = env.KIOSK_TLS_CERT || path.join(dataDir, 'tls', 'cert.pem');
        if (!fs.existsSync(file))
          throw new Error('no certificate yet: it is made when the host first starts on the LAN');
        console.log(new crypto.X509Certificate(fs.readFileSync(file)).fingerprint256);
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    db.close();
  }
}

const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (entry.endsWith(`admin-cli.ts`) || entry.endsWith(`admin-cli.js`)) {
  runAdminCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`[kiosk admin] ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
