/**
 * The ORCA simulator's side of the wire: request bodies (JSON or xml2) into normalised records, answers
 * into xml2, and small helpers. Kept apart from simulator.ts so the server file stays readable.
 */
import { bodyToTree, normaliseJson, type Tree } from './wire';

export type Rec = { [key: string]: Tree };

export const MAX_BODY = 64 * 1024;

export function kanaKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

export function xml2(root: string, body: Record<string, unknown>): string {
  const el = (name: string, v: unknown): string => {
    if (Array.isArray(v)) return `<${name} type="array">${v.map((c) => el(`${name}_child`, c)).join('')}</${name}>`;
    if (v !== null && typeof v === 'object')
      return `<${name} type="record">${Object.entries(v)
        .map(([k, c]) => el(k, c))
        .join('')}</${name}>`;
    const t = String(v ?? '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
    return `<${name} type="string">${t}</${name}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xmlio2>${el(root, body)}</xmlio2>`;
}

export function recOf(t: Tree | undefined): Rec | undefined {
  return t !== undefined && typeof t === 'object' && !Array.isArray(t) ? t : undefined;
}

export function parseRequest(text: string): Rec | undefined {
  if (text.trim() === '') return {};
  if (text.trimStart().startsWith('<')) {
    const parsed = bodyToTree(text);
    return parsed.ok ? parsed.value : undefined;
  }
  try {
    return recOf(normaliseJson(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

export function str(r: Rec | undefined, key: string): string {
  const v = r?.[key];
  return typeof v === 'string' ? v.trim() : '';
}
