import { ALSO_NEEDED_CODES, ALSO_NEEDED_KIND, type AlsoNeededCode } from '../../../../../shared/eligibility/reasons';

export { ALSO_NEEDED_KIND };

export function isAlsoNeededCode(code: string): code is AlsoNeededCode {
  return (ALSO_NEEDED_CODES as readonly string[]).includes(code);
}
