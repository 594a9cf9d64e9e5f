/**
 * Summarises junk in a watched folder — entries that are not regular files (symlinks, FIFOs, …) and files
 * that cannot be read as results — into one alert per burst instead of one alert per file.
 *
 * The first item opens a window; every item until the folder has been quiet for `quietMs` (or `maxWindowMs`
 * after the first, whichever comes first) joins it; then `onSummary` is called once with the count, the
 * count per kind, a few sample names and the first item's payload (so the consumer can record it). 5,000
 * junk files arriving together give one alert with a count of 5,000, and a real card read arriving in the
 * middle is still handled on its own. Memory per window is constant (counts, ≤ `maxSamples` names).
 *
 * Time comes from `now`; the timer is unref'd. Plain Node, no Electron.
 */
export interface JunkItem<P> {
  name: string;
  /** e.g. 'symlink', 'fifo', 'unreadable-not-xml', 'too-large'. */
  kind: string;
  detail?: string;
  payload?: P;
}

export interface JunkSummary<P> {
  /** The folder label, e.g. 'face/'. */
  folder: string;
  count: number;
  byKind: Record<string, number>;
  /** Up to `maxSamples` names, first ones first. */
  samples: string[];
  first: JunkItem<P>;
  firstAtMs: number;
  lastAtMs: number;
}

export interface JunkSummariser<P> {
  note(item: JunkItem<P>): void;
  /** Emit the open window now (e.g. before closing). */
  flush(): void;
  /** Items noted in the open window (0 when none is open). */
  readonly openCount: number;
  close(): void;
}

export interface JunkSummariserOptions<P> {
  folder: string;
  onSummary: (summary: JunkSummary<P>) => void;
  now: () => number;
  /** The window closes after this long without a new item (default 2 s). */
  quietMs?: number;
  /** … or this long after its first item (default 5 min). */
  maxWindowMs?: number;
  maxSamples?: number;
  /**
   * While this says true (e.g. the folder still has files being checked), a quiet window stays open, so a
   * flood that is read slowly is still one summary. `maxWindowMs` bounds it either way.
   */
  holdOpen?: () => boolean;
}

export function createJunkSummariser<P>(options: JunkSummariserOptions<P>): JunkSummariser<P> {
  const quietMs = options.quietMs ?? 2000;
  const maxWindowMs = options.maxWindowMs ?? 5 * 60_000;
  const maxSamples = options.maxSamples ?? 5;
  let open: JunkSummary<P> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const emit = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const summary = open;
    open = undefined;
    if (!summary) return;
    try {
      options.onSummary(summary);
    } catch {
      // reporting must never break the reader
    }
  };

  const arm = () => {
    if (!open) return;
    if (timer) clearTimeout(timer);
    const untilMax = open.firstAtMs + maxWindowMs - options.now();
    timer = setTimeout(
      () => {
        const held = open !== undefined && options.now() - open.firstAtMs < maxWindowMs && safeHold();
        if (held) arm();
        else emit();
      },
      Math.max(0, Math.min(quietMs, untilMax)),
    );
    timer.unref();
  };
  const safeHold = () => {
    try {
      return options.holdOpen?.() ?? false;
    } catch {
      return false;
    }
  };

  return {
    note(item) {
      if (closed) return;
      const t = options.now();
      if (!open) {
        open = { folder: options.folder, count: 0, byKind: {}, samples: [], first: item, firstAtMs: t, lastAtMs: t };
      }
      open.count += 1;
      open.lastAtMs = t;
      open.byKind[item.kind] = (open.byKind[item.kind] ?? 0) + 1;
      if (open.samples.length < maxSamples) open.samples.push(item.name);
      if (t - open.firstAtMs >= maxWindowMs) emit();
      else arm();
    },
    flush: emit,
    get openCount() {
      return open?.count ?? 0;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      open = undefined;
    },
  };
}

/**
 * One line for staff and logs, at most 300 characters:
 * "5000 entries in face/ (unreadable-not-xml ×4998, symlink ×2), e.g. a.xml, b.xml".
 */
export function describeJunk(summary: JunkSummary<unknown>): string {
  const kinds = Object.entries(summary.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(', ');
  const noun = summary.count === 1 ? 'entry' : 'entries';
  const head = `${summary.count} ${noun} in ${summary.folder} (${kinds})`;
  const samples = summary.samples.slice(0, 2).map((n) => (n.length > 64 ? `${n.slice(0, 63)}…` : n));
  const line = `${head}, e.g. ${samples.join(', ')}`;
  return line.length <= 300 ? line : `${line.slice(0, 299)}…`;
}
