/**
 * A memo keyed by a sequence of values (strings, numbers, undefined), walked one value at a time: finding a known
 * sequence allocates nothing, where a joined or JSON string key cost a string per row of a million-row check
 * (issue 18). Values compare as a Map's keys do (undefined, '' and 0 are three different values). The caller
 * makes its sequences self-delimiting (a count before every run of values of varying length), so that two
 * different sets of facts can never spell the same sequence.
 *
 * Use: `memo.begin(create).key(a).key(b)…` then `memo.found` or `memo.keep(value)`. With `create` false the walk
 * stops at the first unknown value (found is then undefined); with it true the walk makes the path it needs.
 */
export class FactsMemo<V> {
  private root: MemoNode<V> = { kids: undefined, value: undefined };
  private at: MemoNode<V> | undefined;
  private creating = false;
  /** How many values are kept. */
  size = 0;

  /** `max`: past this many kept values the memo starts over, so that a file of all-different rows stays small. */
  constructor(private readonly max: number) {}

  begin(create: boolean): this {
    if (create && this.size >= this.max) {
      this.root = { kids: undefined, value: undefined };
      this.size = 0;
    }
    this.at = this.root;
    this.creating = create;
    return this;
  }

  key(v: string | number | boolean | undefined): this {
    const at = this.at;
    if (!at) return this;
    let next = at.kids?.get(v);
    if (!next && this.creating) {
      next = { kids: undefined, value: undefined };
      if (!at.kids) at.kids = new Map();
      at.kids.set(v, next);
    }
    this.at = next;
    return this;
  }

  /** The value kept for the sequence walked since `begin`. */
  get found(): V | undefined {
    return this.at?.value;
  }

  /** Keeps `value` for the sequence walked since `begin(true)`. */
  keep(value: V): void {
    const at = this.at;
    if (!at || !this.creating) throw new Error('FactsMemo.keep needs a walk begun with create');
    if (at.value === undefined) this.size++;
    at.value = value;
  }
}

interface MemoNode<V> {
  kids: Map<string | number | boolean | undefined, MemoNode<V>> | undefined;
  value: V | undefined;
}
