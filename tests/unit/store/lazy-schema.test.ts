import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../lib/store/lazy-schema';
import {
  BatchSchema,
  NewBatchSchema,
  SettingsSchema,
  SuppressionListSchema,
} from '../../../lib/store/schemas';

describe('lazySchema', () => {
  it('builds the schema on first use only, and once', () => {
    const build = vi.fn(() => z.object({ n: z.number().int() }));
    const S = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(S.parse({ n: 3 })).toEqual({ n: 3 });
    expect(S.safeParse({ n: 1.5 }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('nests in other schemas and derives new ones as the schema itself does', () => {
    const Inner = lazySchema(() => z.string().min(2));
    const Outer = z.object({ a: Inner, list: z.array(Inner).max(2) });
    expect(Outer.parse({ a: 'xy', list: ['ab'] })).toEqual({ a: 'xy', list: ['ab'] });
    const bad = Outer.safeParse({ a: 'x', list: ['ab', 'cd', 'ef'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['a', 'list']);
    expect(Inner.optional().parse(undefined)).toBeUndefined();
    expect(Inner instanceof z.ZodString).toBe(true);
    expect(Inner.def.type).toBe('string');
  });

  it('keeps the store schemas’ behaviour: defaults, refusals and derived schemas', () => {
    expect(SettingsSchema.parse({}).language).toBe('auto');
    expect(SettingsSchema.safeParse({ retentionDays: 0 }).success).toBe(false);
    expect(Object.keys(SettingsSchema.shape)).toContain('sendCheck');
    expect('id' in NewBatchSchema.shape).toBe(false);
    expect('id' in BatchSchema.shape).toBe(true);
    const list = SuppressionListSchema.safeParse({ id: 'x', name: '  ' });
    expect(list.success).toBe(false);
    expect(list.error?.issues.map((i) => i.path[0])).toContain('name');
  });
});
