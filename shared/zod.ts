/**
 * zod, configured once for every schema in shared/: no JIT. Zod compiles object parsers with
 * `new Function` when it may, and merely probing for that makes the renderer report a CSP violation
 * (`script-src` has no 'unsafe-eval', by design: electron/csp.ts). Payloads here are small; the
 * interpreter is fast enough, and the core and the renderer then run identical parsing.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
