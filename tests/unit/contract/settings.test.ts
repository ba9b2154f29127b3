import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsSchema, WebAddressSchema } from '../../../contract';

describe('settings', () => {
  it('has defaults that pass the schema, for the clinic of the source page', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.clinic.name).toBe('Ken Starr MD Wellness Group');
    expect(DEFAULT_SETTINGS.clinic.location).toMatch(/Arroyo Grande/);
    expect(DEFAULT_SETTINGS.idleTimeoutSeconds).toBe(60);
  });

  it('takes only http(s) web addresses for the QR code', () => {
    expect(WebAddressSchema.safeParse('https://example.org/ketamine').success).toBe(true);
    expect(WebAddressSchema.safeParse('').success).toBe(true);
    expect(WebAddressSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(WebAddressSchema.safeParse('file:///etc/passwd').success).toBe(false);
  });

  it('refuses an idle timeout too short to read a slide', () => {
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, idleTimeoutSeconds: 2 }).success).toBe(
      false,
    );
  });
});
