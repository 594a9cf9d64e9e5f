/**
 * A set of file names that forgets what left the folder, so a day of files (or a flood of junk) does not
 * grow memory for ever.
 *
 * A name is forgotten only after it has been absent from `forgetAfterMs` worth of successful listings — a
 * share that briefly returns a short listing does not make consumed files look new. If a forgotten name
 * does come back, the consumer sees it again; the onshi consumers are safe with that (a face file older than
 * every wait is never delivered, an answer to a finished query is never applied). `maxNames` is a hard cap:
 * beyond it the names absent the longest go first, then the oldest.
 */
export interface SeenNames {
  has(name: string): boolean;
  add(name: string, nowMs: number): void;
  delete(name: string): boolean;
  /** After a successful listing: names present are refreshed, names absent too long are forgotten. */
  sweep(present: ReadonlySet<string>, nowMs: number): string[];
  readonly size: number;
}

export function createSeenNames(options: { forgetAfterMs: number; maxNames: number }): SeenNames {
  // Insertion order of a Map = the order names were last seen present (re-inserted on refresh).
  const lastPresent = new Map<string, number>();
  const forget = (name: string, out: string[]) => {
    lastPresent.delete(name);
    out.push(name);
  };
  return {
    has: (name) => lastPresent.has(name),
    add(name, nowMs) {
      lastPresent.delete(name);
      lastPresent.set(name, nowMs);
      if (lastPresent.size > options.maxNames) {
        const oldest = lastPresent.keys().next();
        if (!oldest.done) lastPresent.delete(oldest.value);
      }
    },
    delete: (name) => lastPresent.delete(name),
    sweep(present, nowMs) {
      const forgotten: string[] = [];
      for (const [name, at] of lastPresent) {
        if (present.has(name)) lastPresent.set(name, nowMs);
        else if (nowMs - at >= options.forgetAfterMs) forget(name, forgotten);
      }
      while (lastPresent.size > options.maxNames) {
        const oldest = lastPresent.keys().next();
        if (oldest.done) break;
        forget(oldest.value, forgotten);
      }
      return forgotten;
    },
    get size() {
      return lastPresent.size;
    },
  };
}
