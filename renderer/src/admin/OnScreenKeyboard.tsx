import { useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './OnScreenKeyboard.css';

type Field = HTMLInputElement | HTMLTextAreaElement;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
/** The signs phone numbers, addresses and notes need, one tap away. */
const SIGNS = ['(', ')', '+', '-', '#', '&', '=', '_', '?', '!'];

const TEXT_ROWS: readonly string[][] = [
  DIGITS,
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'ñ'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', "'"],
  ['á', 'é', 'í', 'ó', 'ú', 'ü', '¿', '¡', '@', '/', ':'],
  SIGNS,
];

/** A web address: no accents, and its own pieces (https://, .com, /) as keys. */
const URL_ROWS: readonly string[][] = [
  DIGITS,
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', '-'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm', '.', '_', '~'],
  ['https://', 'www.', '.com', '.org', '/', ':', '?', '=', '&', '#'],
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

/** Empties the field, as selecting all and deleting would. */
export function clearField(field: Field): void {
  if (field.value === '') return;
  field.setRangeText('', 0, field.value.length, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The admin's on-screen keyboard, with the Spanish letters and accents at hand, the signs for
 * phone numbers, and a layout of its own for web addresses (data-osk-mode="url"). It types into
 * the focused field and never takes the focus itself (pointerdown is cancelled), so a
 * plugged-in keyboard keeps working alongside it.
 */
export function OnScreenKeyboard({ field, onHide }: { field: Field; onHide: () => void }) {
  const { t } = useTranslation('admin');
  const [shift, setShift] = useState(false);
  const keepFocus = (event: PointerEvent) => event.preventDefault();
  const mode = field.inputMode === 'numeric' ? 'numeric' : (field.dataset['oskMode'] ?? 'text');
  const numeric = mode === 'numeric';
  const rows = numeric ? [DIGITS] : mode === 'url' ? URL_ROWS : TEXT_ROWS;

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
    <div className="osk" role="group" aria-label={t('keyboard.label')} data-layout={mode}>
      {rows.map((row, index) => (
        <div key={index} className="osk__row">
          {row.map((character) => {
            const shown = shift && character.length === 1 ? character.toUpperCase() : character;
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
        {numeric || mode === 'url' ? null : key(t('keyboard.space'), ' ', { wide: true })}
        {key('⌫', '\b', { wide: true, name: t('keyboard.backspace') })}
        <button
          type="button"
          className="osk__key osk__key--wide"
          onPointerDown={keepFocus}
          onClick={() => clearField(field)}
        >
          {t('keyboard.clear')}
        </button>
        {mode === 'lines' ? key('↵', '\n', { wide: true, name: t('keyboard.newLine') }) : null}
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
