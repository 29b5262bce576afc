// Why schemas are built on first use: a stopped service worker evaluates every module it bundles before it can
// answer the message that woke it (issue 18: first verdict after a stop ≤ 150 ms), and Zod builds each schema, with
// each of its refinements, when its module is evaluated. lib/store/schemas.ts alone took 12 ms of that on the
// bench machine, for schemas the background mostly never uses (backups, imports, contacts). A lazy schema costs
// nothing until something touches it.

/**
 * A value built by `build` the first time anything reads it, standing in for it meanwhile: every operation on the
 * stand-in (`.parse`, `.extend`, nesting it in another schema, `instanceof`) goes to the built value, so callers see
 * the schema itself and its type is unchanged (`z.infer<typeof X>` works as before).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    if (built === undefined) built = build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const r = real();
      return Reflect.get(r, key, r);
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // The stand-in's own (empty) target has no such property: a proxy may not report it as non-configurable.
      return d ? { ...d, configurable: true } : undefined;
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
