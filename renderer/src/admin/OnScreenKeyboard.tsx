import { useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './OnScreenKeyboard.css';

type Field = HTMLInputElement | HTMLTextAreaElement;

const ROWS: readonly string[][] = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ñ'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '-'],
  ['á', 'é', 'í', 'ó', 'ú', 'ü', '¿', '¡', '@', '/', ':'],
];

/**
 * Puts text into the field the way typing does: at the caret, replacing a selection, then an
 * `input` event so React's onChange sees it.
 */
export function typeInto(field: Field, text: string): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  if (text === '\b') {
    if (start === end && start === 0) return;
    field.setRangeText('', start === end ? start - 1 : start, end, 'end');
  } else {
    const room =
      field.maxLength > 0 ? field.maxLength - field.value.length + (end - start) : Infinity;
    if (room <= 0) return;
    field.setRangeText(text.slice(0, room), start, end, 'end');
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The admin's on-screen keyboard, with the Spanish letters and accents at hand. It types into
 * the focused field and never takes the focus itself (pointerdown is cancelled), so a
 * plugged-in keyboard keeps working alongside it.
 */
export function OnScreenKeyboard({ field, onHide }: { field: Field; onHide: () => void }) {
  const { t } = useTranslation('admin');
  const [shift, setShift] = useState(false);
  const keepFocus = (event: PointerEvent) => event.preventDefault();
  const numeric = field.inputMode === 'numeric';
  const lines = field.dataset['oskMode'] === 'lines';
  const rows = numeric ? ROWS.slice(0, 1) : ROWS;

  const key = (label: string, text: string, options: { wide?: boolean; name?: string } = {}) => (
    <button
      key={`${label}-${text}`}
      type="button"
      className={options.wide ? 'osk__key osk__key--wide' : 'osk__key'}
      aria-label={options.name}
      onPointerDown={keepFocus}
      onClick={() => {
        typeInto(field, text);
        if (shift && text.length === 1) setShift(false);
      }}
    >
      {label}
    </button>
  );

  return (
    <div className="osk" role="group" aria-label={t('keyboard.label')}>
      {rows.map((row, index) => (
        <div key={index} className="osk__row">
          {row.map((character) => {
            const shown = shift ? character.toUpperCase() : character;
            return key(shown, shown);
          })}
        </div>
      ))}
      <div className="osk__row">
        {numeric ? null : (
          <button
            type="button"
            className="osk__key osk__key--wide"
            aria-pressed={shift}
            onPointerDown={keepFocus}
            onClick={() => setShift((value) => !value)}
          >
            {t('keyboard.shift')}
          </button>
        )}
        {numeric ? null : key(t('keyboard.space'), ' ', { wide: true })}
        {key('⌫', '\b', { wide: true, name: t('keyboard.backspace') })}
        {lines ? key('↵', '\n', { wide: true, name: t('keyboard.newLine') }) : null}
        <button
          type="button"
          className="osk__key osk__key--wide"
          onPointerDown={keepFocus}
          onClick={onHide}
        >
          {t('keyboard.done')}
        </button>
      </div>
    </div>
  );
}
