import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ChangePinRequestSchema,
  MAX_PIN_DIGITS,
  MIN_PIN_DIGITS,
  PinRequestSchema,
  PinSchema,
  checkPinFormat,
} from '../../../contract';

/*
 * The staff PIN rule (contract/admin.ts), which main's PIN checks, the IPC schemas and the PIN
 * pad all use. The oracle here is written another way than the rule (character codes, not a
 * regular expression), and the examples spell out what the README promises: 4 to 8 digits.
 */

/** A PIN as staff are told: only the characters 0–9, between the shortest and longest length. */
function isPinShaped(value: string): boolean {
  if (value.length < MIN_PIN_DIGITS || value.length > MAX_PIN_DIGITS) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ASCII_DIGITS = [...'0123456789'];
const pinArb = fc.string({
  unit: fc.constantFrom(...ASCII_DIGITS),
  minLength: MIN_PIN_DIGITS,
  maxLength: MAX_PIN_DIGITS,
});

/** Strings near the rule: digits of any length, and digits with one stray character. */
const nearPins = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...ASCII_DIGITS), maxLength: 12 }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...ASCII_DIGITS), minLength: 2, maxLength: 8 }),
      fc.constantFrom(' ', '\n', '\t', '-', '+', '.', '١', '１', '߀', '৪', 'e', '\u0000'),
      fc.nat(),
    )
    .map(([digits, stray, at]) => {
      const index = at % (digits.length + 1);
      return digits.slice(0, index) + stray + digits.slice(index);
    }),
);

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

describe('the staff PIN rule', () => {
  it.each(['1234', '0000', '12345', '482916', '1234567', '12345678'])('accepts %j', (pin) => {
    expect(checkPinFormat(pin)).toEqual({ ok: true });
    expect(PinSchema.safeParse(pin).success).toBe(true);
  });

  it.each([
    ['3 digits', '123', /4 to 8 digits/],
    ['9 digits', '123456789', /4 to 8 digits/],
    ['empty', '', /4 to 8 digits/],
    ['letters', 'abcd', /only the digits/],
    ['a letter among digits', '12a4', /only the digits/],
    ['a space inside', '12 34', /only the digits/],
    ['a leading space', ' 1234', /only the digits/],
    ['a trailing newline', '1234\n', /only the digits/],
    ['a sign', '-1234', /only the digits/],
    ['full-width digits', '１２３４', /only the digits/],
    ['Arabic-Indic digits', '١٢٣٤', /only the digits/],
  ])('refuses %s, saying why', (_label, pin, message) => {
    const result = checkPinFormat(pin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(PinSchema.safeParse(pin).success).toBe(false);
  });

  it('refuses what is not text', () => {
    for (const value of [1234, null, undefined, ['1234'], { pin: '1234' }]) {
      expect(checkPinFormat(value)).toEqual({ ok: false, message: 'The PIN must be text.' });
      expect(PinSchema.safeParse(value).success).toBe(false);
    }
  });

  it('takes a string exactly when it is 4 to 8 of the digits 0–9', () => {
    fc.assert(
      fc.property(fc.oneof(pinArb, nearPins), (pin) => {
        expect(PinSchema.safeParse(pin).success).toBe(isPinShaped(pin));
        // Main's check (with its sentence for staff) and the IPC schema never disagree.
        expect(checkPinFormat(pin).ok).toBe(isPinShaped(pin));
      }),
      { numRuns: 500 },
    );
  });
});

describe('PinRequestSchema and ChangePinRequestSchema', () => {
  it('take any well-formed PIN as it is', () => {
    fc.assert(
      fc.property(pinArb, pinArb, (pin, next) => {
        expect(PinRequestSchema.parse({ pin })).toEqual({ pin });
        expect(ChangePinRequestSchema.parse({ current: pin, next })).toEqual({
          current: pin,
          next,
        });
      }),
      { numRuns: 200 },
    );
  });

  it('take a value exactly when it is an object with only a well-formed `pin`', () => {
    const candidates = fc.oneof(
      anything,
      fc.record({ pin: fc.oneof(pinArb, nearPins, anything) }),
      fc
        .tuple(fc.record({ pin: pinArb }), fc.dictionary(fc.string(), anything, { minKeys: 1 }))
        .map(([request, extra]) => ({ ...extra, ...request })),
    );
    fc.assert(
      fc.property(candidates, (value) => {
        const expected =
          isPlainRecord(value) &&
          Object.keys(value).length === 1 &&
          typeof value['pin'] === 'string' &&
          isPinShaped(value['pin']);
        expect(PinRequestSchema.safeParse(value).success).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
