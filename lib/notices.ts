import { ListError } from '../store/lists';

// Undo for the session: the things a user deleted on this page, kept in memory until the page closes.
// Module state (not React state) so that switching sections and back keeps the Undo buttons.

export interface UndoItem {
  id: number;
  /** What was done, in words: "Deleted list “Vendors” (1,204 entries)". */
  label: string;
  undo: () => Promise<void>;
}

type Listener = () => void;

export class UndoStack {
  private items: UndoItem[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private readonly max = 20) {}

  push(label: string, undo: () => Promise<void>): UndoItem {
    const item = { id: this.nextId++, label, undo };
    this.items = [item, ...this.items].slice(0, this.max);
    this.emit();
    return item;
  }

  /** Runs the undo; the item stays offered if it fails, so the user can read the error and retry. */
  async run(id: number): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (!item) throw new ListError({ key: 'lists_undo_nothing' });
    await item.undo();
    this.dismiss(id);
  }

  dismiss(id: number): void {
    const before = this.items.length;
    this.items = this.items.filter((i) => i.id !== id);
    if (this.items.length !== before) this.emit();
  }

  snapshot = (): readonly UndoItem[] => this.items;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The options page's one stack. */
export const sessionUndo = new UndoStack();
