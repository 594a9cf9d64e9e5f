/**
 * The receipt-link settings, owned by this feature (its own table): whether the link is on, the ORCA
 * connection (URL, user, password — the password is kept only here, in the local database, and never sent
 * to a window), the default 診療科 / 医師, new-patient 受付, and the file exporter's folder.
 *
 * The connection in use: KIOSK_ORCA_URL/USER/PASSWORD (parsed once in electron/config.ts) when set; else the admin's URL; else, in the demo
 * (embedded terminal simulator), the embedded ORCA simulator; else none.
 */
import { z } from 'zod';
import {
  receiptLinkSettingsSchema,
  type ReceiptLinkSettingsInput,
  type ReceiptLinkSettingsView,
} from '../../../shared/receipt-link/index';
import { orcaConfigFrom, type OrcaConfigResult, type OrcaConnectionSettings } from '../../integrations/orca/config';
import { guarded, type Db } from '../store/index';

const storedSchema = receiptLinkSettingsSchema.extend({ password: z.string().max(200) });
export type StoredLinkSettings = z.infer<typeof storedSchema>;

export const DEFAULT_LINK_SETTINGS: StoredLinkSettings = {
  enabled: true,
  url: '',
  user: 'ormaster',
  password: '',
  departmentCode: '',
  physicianCode: '',
  newPatient: false,
  exportDir: '',
  exportFormats: ['json'],
};

export interface DemoOrca {
  url: string;
  user: string;
  password: string;
  departmentCode: string;
  physicianCode: string;
}

export interface EffectiveLink {
  source: 'environment' | 'settings' | 'demo' | 'none';
  config: OrcaConfigResult;
  settings: StoredLinkSettings;
  departmentCode: string;
  physicianCode: string;
}

export function createLinkSettings(
  db: Db,
  fromEnvironment: OrcaConnectionSettings | undefined,
  demo: () => DemoOrca | undefined,
) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM receipt_link_settings WHERE key = ?');
  const write = db.prepare(
    `INSERT INTO receipt_link_settings (key, value, updated_at) VALUES ('settings', ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const load = (): StoredLinkSettings => {
    const raw = guarded(() => read.get('settings'))()?.value;
    try {
      const parsed = storedSchema.safeParse({ ...DEFAULT_LINK_SETTINGS, ...(raw ? JSON.parse(raw) : {}) });
      return parsed.success ? parsed.data : DEFAULT_LINK_SETTINGS;
    } catch {
      return DEFAULT_LINK_SETTINGS;
    }
  };
  let current = load();

  function effective(): EffectiveLink {
    const s = current;
    if (fromEnvironment?.url) {
      return {
        source: 'environment',
        config: orcaConfigFrom(fromEnvironment, {}),
        settings: s,
        departmentCode: s.departmentCode,
        physicianCode: s.physicianCode,
      };
    }
    if (s.url) {
      return {
        source: 'settings',
        config: orcaConfigFrom({ url: s.url, user: s.user, password: s.password }, {}),
        settings: s,
        departmentCode: s.departmentCode,
        physicianCode: s.physicianCode,
      };
    }
    const d = demo();
    if (d) {
      return {
        source: 'demo',
        config: orcaConfigFrom({ url: d.url, user: d.user, password: d.password }, {}),
        settings: s,
        departmentCode: s.departmentCode || d.departmentCode,
        physicianCode: s.physicianCode || d.physicianCode,
      };
    }
    return {
      source: 'none',
      config: { ok: false, code: 'not-configured', message: 'no ORCA configured' },
      settings: s,
      departmentCode: s.departmentCode,
      physicianCode: s.physicianCode,
    };
  }

  return {
    get: () => current,
    effective,
    view(): ReceiptLinkSettingsView {
      const { password, ...rest } = current;
      const e = effective();
      return { ...rest, passwordSet: password !== '', source: e.source === 'demo' ? 'none' : e.source };
    },
    /** Saves the admin's settings; an omitted password keeps the stored one. Returns the changed keys. */
    update(
      input: ReceiptLinkSettingsInput,
      at: string,
    ): { ok: true; changed: string[] } | { ok: false; message: string } {
      const next = storedSchema.safeParse({ ...input, password: input.password ?? current.password });
      if (!next.success)
        return { ok: false, message: next.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
      if (next.data.url) {
        const c = orcaConfigFrom({ url: next.data.url, user: next.data.user, password: next.data.password }, {});
        if (!c.ok) return { ok: false, message: c.message };
      }
      const changed = storedSchema
        .keyof()
        .options.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next.data[k]));
      guarded(() => write.run(JSON.stringify(next.data), at))();
      current = next.data;
      return { ok: true, changed };
    },
  };
}

export type LinkSettings = ReturnType<typeof createLinkSettings>;
