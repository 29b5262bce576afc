/**
 * The one binary search over a sorted sequence of `length` items: `compareAt(i)` is negative when item `i` sorts
 * before the needle, positive after it, 0 when it is the needle. Returns such an index, or -1. A callback rather
 * than an array, so packed digests (n bytes per item), typed arrays and string arrays share it.
 */
export function binarySearch(length: number, compareAt: (index: number) => number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareAt(mid);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of `needle` in the ascending `sorted` (numbers, or strings in code-unit order as Array#sort), or -1. */
export function indexOfSorted<T extends number | string>(sorted: ArrayLike<T>, needle: T): number {
  return binarySearch(sorted.length, (i) => {
    const v = sorted[i] as T;
    return v === needle ? 0 : v < needle ? -1 : 1;
  });
}
