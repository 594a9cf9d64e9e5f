import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** alertdialog for the idle question, which interrupts. */
  role?: 'dialog' | 'alertdialog';
  onDismiss?: () => void;
  children: ReactNode;
  className?: string;
  /** Hide everything behind it (the kiosk: nothing personal readable behind a prompt). */
  opaque?: boolean;
}

/** A modal: labelled by its title, focus moves in on open and back out on close, Escape dismisses when allowed. */
export function Dialog({ title, role = 'dialog', onDismiss, children, className, opaque = false }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input, textarea, button');
    first?.focus();
    return () => previous?.focus?.();
  }, []);

  return (
    <div className={opaque ? 'dialog-backdrop dialog-backdrop-opaque' : 'dialog-backdrop'}>
      <div
        ref={ref}
        className={['dialog', className].filter(Boolean).join(' ')}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onDismiss) {
            e.stopPropagation();
            onDismiss();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
