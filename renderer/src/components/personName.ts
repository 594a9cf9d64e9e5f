import type { ConfirmedIdentity } from '../../../shared/flow/session';

/**
 * A patient's name for staff: the name in the patient's own script (John Smith, 王小明) and the katakana
 * reading, both when both are known, so a receptionist can call and file them.
 */
export function personName(identity: Pick<ConfirmedIdentity, 'name' | 'nameKana'> | undefined): string {
  if (!identity) return '';
  const own = identity.name?.trim();
  const kana = identity.nameKana?.normalize('NFKC').trim();
  if (own && kana && own !== kana) return `${own}（${kana}）`;
  return own || kana || '';
}
