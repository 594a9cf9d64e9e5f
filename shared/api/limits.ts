/** Limits shared by the API schemas and the renderer (no zod here, so the renderer bundle stays small). */

/** Free-text reasons are short and not a place for personal data (the UI says so: staff.reason.hint). */
export const REASON_MAX = 200;
