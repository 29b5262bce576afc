// The lookup index's test of one key (lib/store/lookup-index.ts, mayHold) is a binary search over every
// fingerprint of a kind: at 10M entries 5M of them, 20 MB, so each of its ~23 steps is a cache miss. A planned bulk
// check tests every key of a million rows (issue 18), and that search was its largest cost after the collector.
// Here the fingerprints' top 16 bits first give the run of fingerprints that share them (a table of 65,537
// offsets, 256 KB), and only that run (about 80 at 5M, a few cache lines) is searched: the same answer.

export class FingerprintTable {
  private readonly starts: Uint32Array;

  /** `fps`: sorted ascending, as the index holds them. */
  constructor(private readonly fps: Uint32Array) {
    const starts = new Uint32Array(65537);
    // starts[h] = the first position whose top 16 bits are ≥ h.
    let at = 0;
    for (let h = 0; h < 65536; h++) {
      starts[h] = at;
      while (at < fps.length && (fps[at] as number) >>> 16 === h) at++;
    }
    starts[65536] = fps.length;
    this.starts = starts;
  }

  /** Whether `fp` is among the fingerprints: what indexOfSorted(fps, fp) >= 0 says. */
  has(fp: number): boolean {
    const h = fp >>> 16;
    const fps = this.fps;
    // A plain loop, not binarySearch with a comparator: a planned check asks a few million times.
    let lo = this.starts[h] as number;
    let hi = this.starts[h + 1] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = fps[mid] as number;
      if (v === fp) return true;
      if (v < fp) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}
