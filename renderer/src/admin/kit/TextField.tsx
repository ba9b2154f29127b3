import { useId } from 'react';

/**
 * A labelled text field for the admin's own on-screen keyboard (data-osk-mode says which keys
 * it needs); the system keyboard stays away.
 */
export function TextField({
  label,
  value,
  onChange,
  maxLength,
  type = 'text',
  numeric = false,
  multiline = false,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  type?: 'text' | 'password';
  numeric?: boolean;
  /** Several lines (a textarea); the on-screen keyboard gets a "new line" key. */
  multiline?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="admin-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          className="admin-input admin-input--lines"
          value={value}
          maxLength={maxLength}
          rows={5}
          inputMode="none"
          data-osk-mode="lines"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type={type}
          className="admin-input"
          value={value}
          maxLength={maxLength}
          // The admin brings its own keyboard; "none" keeps the system's from covering the form.
          inputMode={numeric ? 'numeric' : 'none'}
          data-osk-mode={numeric ? 'numeric' : 'text'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
