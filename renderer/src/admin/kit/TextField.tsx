import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cutAtWord } from '../../../../contract';

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
  url = false,
  multiline = false,
  hint,
  counter = false,
  wholeWords = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  type?: 'text' | 'password';
  numeric?: boolean;
  /** A web address: the on-screen keyboard shows https://, .com and /. */
  url?: boolean;
  /** Several lines (a textarea); the on-screen keyboard gets a "new line" key. */
  multiline?: boolean;
  hint?: string;
  /** Show how many characters are used of the most the field takes, as staff type. */
  counter?: boolean;
  /** At the limit, stop at a word: a word that would be cut in half is left out. */
  wholeWords?: boolean;
}) {
  const id = useId();
  const { t } = useTranslation('admin');
  const describedBy = [hint ? `${id}-hint` : '', counter ? `${id}-count` : '']
    .filter(Boolean)
    .join(' ');
  // A field that stops at a word takes a little more than its limit from the keys, then drops
  // the word that went over.
  const limit = wholeWords ? undefined : maxLength;
  const accept = (next: string) => onChange(wholeWords ? cutAtWord(next, maxLength) : next);
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
          maxLength={limit}
          rows={5}
          inputMode="none"
          data-osk-mode="lines"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy || undefined}
          onChange={(event) => accept(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type={type}
          className="admin-input"
          value={value}
          maxLength={limit}
          // The admin brings its own keyboard; "none" keeps the system's from covering the form.
          inputMode={numeric ? 'numeric' : 'none'}
          data-osk-mode={numeric ? 'numeric' : url ? 'url' : 'text'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy || undefined}
          onChange={(event) => accept(event.target.value)}
        />
      )}
      {counter ? (
        <p
          className={
            value.length >= maxLength
              ? 'admin-field__count admin-field__count--full'
              : 'admin-field__count'
          }
          id={`${id}-count`}
        >
          {t('fieldCount', { used: value.length, max: maxLength })}
        </p>
      ) : null}
    </div>
  );
}
