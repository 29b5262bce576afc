import { describe, expect, it } from 'vitest';
import { SETTINGS_LIMITS, SettingsSchema } from '@/lib/store/schemas';

// The Settings form checks these bounds before saving (and shows them): they must be the schema's own.
describe('SETTINGS_LIMITS', () => {
  it('are the bounds SettingsSchema enforces', () => {
    const { min, max } = SETTINGS_LIMITS.retentionDays;
    expect(SettingsSchema.safeParse({ retentionDays: min }).success).toBe(true);
    expect(SettingsSchema.safeParse({ retentionDays: max }).success).toBe(true);
    expect(SettingsSchema.safeParse({ retentionDays: min - 1 }).success).toBe(false);
    expect(SettingsSchema.safeParse({ retentionDays: max + 1 }).success).toBe(false);
    for (const key of ['ownDomains', 'extraPersonalDomains', 'annotatedSites'] as const) {
      const n = SETTINGS_LIMITS[key];
      const list = (k: number) => Array.from({ length: k }, (_, i) => `d${i}.example`);
      expect(SettingsSchema.safeParse({ [key]: list(n) }).success).toBe(true);
      expect(SettingsSchema.safeParse({ [key]: list(n + 1) }).success).toBe(false);
    }
  });
});
