import type { ReactNode } from 'react';

/** A calm, persistent message: polite live region, no alarm colours. */
export function Banner({ tone = 'info', children }: { tone?: 'info' | 'warn'; children: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role="status">
      <span className="banner-mark" aria-hidden="true">
        i
      </span>
      <span>{children}</span>
    </div>
  );
}
