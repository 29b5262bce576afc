import type { SuppressionList } from '../../store/schemas';

// What a restore would do to the lists, list by list, for the confirmation before anything is replaced:
// a restore replaces everything, so a list that is only here now is about to disappear.

export interface ListChange {
  name: string;
  change: 'removed' | 'added' | 'changed' | 'same';
  entriesNow: number;
  entriesAfter: number;
}

export function diffLists(
  current: readonly SuppressionList[],
  backup: readonly SuppressionList[],
): ListChange[] {
  const after = new Map(backup.map((l) => [l.id, l]));
  const out: ListChange[] = [];
  for (const now of current) {
    const b = after.get(now.id);
    if (!b) {
      out.push({ name: now.name, change: 'removed', entriesNow: now.counts.total, entriesAfter: 0 });
      continue;
    }
    after.delete(now.id);
    const same =
      b.name === now.name &&
      b.counts.total === now.counts.total &&
      b.updatedAt === now.updatedAt &&
      (b.channels ?? []).join() === (now.channels ?? []).join();
    out.push({
      name: b.name === now.name ? now.name : `${now.name} → ${b.name}`,
      change: same ? 'same' : 'changed',
      entriesNow: now.counts.total,
      entriesAfter: b.counts.total,
    });
  }
  for (const b of after.values()) {
    out.push({ name: b.name, change: 'added', entriesNow: 0, entriesAfter: b.counts.total });
  }
  const order = { removed: 0, changed: 1, added: 2, same: 3 } as const;
  return out.sort((a, b) => order[a.change] - order[b.change] || a.name.localeCompare(b.name));
}
