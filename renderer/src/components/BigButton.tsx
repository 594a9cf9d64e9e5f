import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'staff' | 'quiet' | 'danger';

interface BigButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'large' | 'hero';
  icon?: ReactNode;
  children: ReactNode;
}

/** The one button of the app: ≥ 72 px tall on the kiosk (≥ 48 px in the staff console), label always text. */
export function BigButton({
  variant = 'primary',
  size = 'normal',
  icon,
  children,
  className,
  type = 'button',
  ...rest
}: BigButtonProps) {
  return (
    <button
      type={type}
      className={['btn', `btn-${variant}`, `btn-${size}`, className].filter(Boolean).join(' ')}
      {...rest}
    >
      {icon ? (
        <span className="btn-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <span className="btn-label">{children}</span>
    </button>
  );
}
