import { ListError } from './store/lists';

// The page's notices: what was just done, in words, with Undo where it can be undone. Each extension page (popup,
// side panel, options, My data) is its own document, so this module's one stack is that page's. Module state (not
// React state) so that switching sections of the options page and back keeps the Undo buttons.

export interface NoticeItem {
  id: number;
  /** What was done, in words: "Deleted list “Vendors” (1,204 entries)". */
  label: string;
  tone: 'ok' | 'error';
  /** Puts things back; may return what to say afterwards ("Undone: 3 entries removed."). */
  undo?: () => Promise<unknown>;
}

type Listener = () => void;

export class NoticeStack {
  private items: NoticeItem[] = [];
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private max = 20) {}

  /** How many to keep: the popup and My data keep one (a new notice replaces the last), the options page 20. */
  keep(max: number): void {
    this.max = max;
    if (this.items.length > max) {
      this.items = this.items.slice(0, max);
      this.emit();
    }
  }

  /** A notice with Undo. */
  push(label: string, undo: NonNullable<NoticeItem['undo']>): NoticeItem {
    return this.say(label, { undo });
  }

  /** A notice, newest first; a new one is a new item even with the same words, so it is announced again. */
  say(label: string, options: { tone?: NoticeItem['tone']; undo?: NoticeItem['undo'] } = {}): NoticeItem {
    const item: NoticeItem = { id: this.nextId++, label, tone: options.tone ?? 'ok' };
    if (options.undo) item.undo = options.undo;
    this.items = [item, ...this.items].slice(0, this.max);
    this.emit();
    return item;
  }

  /** Runs the undo; the item stays offered if it fails, so the user can read the error and retry. */
  async run(id: number): Promise<void> {
    const item = this.items.find((i) => i.id === id);
    if (!item?.undo) throw new ListError({ key: 'lists_undo_nothing' });
    const after = await item.undo();
    this.dismiss(id);
    if (typeof after === 'string') this.say(after);
  }

  dismiss(id: number): void {
    const before = this.items.length;
    this.items = this.items.filter((i) => i.id !== id);
    if (this.items.length !== before) this.emit();
  }

  clear(): void {
    if (this.items.length === 0) return;
    this.items = [];
    this.emit();
  }

  snapshot = (): readonly NoticeItem[] => this.items;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** This page's one stack. */
export const pageNotices = new NoticeStack();
