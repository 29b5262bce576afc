/** Outcome of normalising one raw value: the canonical value, or a short plain-English reason it was refused. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): Normalised<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): Normalised<T> {
  return { ok: false, reason };
}
