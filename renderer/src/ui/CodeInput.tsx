// The field where a person types a code read to them by phone (HQ's at first run, HQ's new one
// after a key change): monospace, any case, its hint and error tied to it for screen readers.
import { type UseFormRegisterReturn } from 'react-hook-form';
import './code-input.css';

export function CodeInput({
  id,
  label,
  hint,
  error,
  field,
}: {
  id: string;
  label: string;
  hint: string;
  /** The error to show, already translated; none when the code is fine or not typed yet. */
  error?: string;
  field: UseFormRegisterReturn;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      <input
        id={id}
        className="fingerprint-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={!!error}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        {...field}
      />
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
