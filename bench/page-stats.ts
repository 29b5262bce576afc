// Small helpers the bench page's measurements share (bench/suite.ts, bench/record-size.ts).

/** p50 … max of `times` (ms), to the microsecond. */
export function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 1000) / 1000;
  return { p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Deletes a database, whether or not it exists or another connection holds it open. */
export async function dropDb(name: string) {
  await new Promise<void>((res) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => res();
  });
}
