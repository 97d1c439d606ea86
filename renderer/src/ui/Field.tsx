// One labelled form field: the label (with a mark when required), the control, its help and
// its error, with the control described by both so a screen reader reads them with it. The
// forms give the control (input, select, textarea) and spread the attributes it is handed.
import { type ReactNode } from 'react';

/** What the control must carry to be tied to its label, help and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

export function Field({
  id,
  label,
  help,
  error,
  invalid = error !== undefined,
  required = false,
  className = 'field',
  children,
}: {
  /** The control's id; the help and the error are `${id}-help` and `${id}-error`. */
  id: string;
  label: ReactNode;
  help?: ReactNode;
  /** The error already in words; none when the value is fine. */
  error?: string | undefined;
  /** Marked invalid even without words to show (default: when there is an error). */
  invalid?: boolean;
  /** Marks the label with an asterisk (hidden from screen readers, which hear the control). */
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [help !== undefined ? helpId : undefined, invalid ? errorId : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': invalid, 'aria-describedby': describedBy })}
      {help !== undefined ? (
        <p className="help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error !== undefined ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
