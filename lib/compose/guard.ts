// The send-time check on one page: keeps one Heed element per open compose box in step with its recipients, looks
// recipients up as they are added (batched), and stops a Send that would reach a blocked recipient.
//
// Send is caught in the capture phase at `window` by listeners added at document_start, so they run before any
// listener the page adds; a stopped send gets stopImmediatePropagation + preventDefault and never reaches the
// page's own handler. With nothing blocked the listener returns at once and the page sends as if Heed were absent.
import { pt } from '../i18n/page';
import type { SendConfig, SendRecipient, SendSite, SendState, SendVerdict } from '../messaging/types';
import { type ComposeBox, type FoundRecipient, findComposeBoxes, sendControlAt } from './extract';
import { type BoxView, createSendCheck, type RecipientView, type SendCheckElement } from './view';

export interface GuardDeps {
  site: SendSite;
  doc: Document;
  config(): Promise<SendConfig>;
  verdicts(recipients: SendRecipient[]): Promise<SendVerdict[]>;
  override(recipients: SendRecipient[], reason: string): Promise<number>;
  create?: (doc: Document) => SendCheckElement;
  /** setTimeout through the content-script context, so it stops when the extension reloads. */
  later?: (fn: () => void, ms: number) => void;
}

/** The events a send can start from; all are listened to in the capture phase at window. */
export const SEND_EVENTS = [
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'click',
  'keydown',
  'keypress',
  'submit',
] as const;

const RANK: Record<SendState, number> = { ok: 0, unknown: 1, check: 2, blocked: 3 };
const BATCH = 50;
const WAIT_MS = 3000;

interface Box {
  root: Element;
  el: SendCheckElement;
  recipients: FoundRecipient[];
  busy: boolean;
}

type Cached = SendVerdict | 'pending';

export function worstOf(states: readonly SendState[]): SendState {
  if (states.length === 0) return 'unknown';
  return states.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
}

// A function, not a constant: its words are in the page's language, known only once the strings have loaded.
const noAddress = (): SendVerdict => ({
  state: 'unknown',
  summary: pt('page_send_only_name'),
  reasons: [],
  matches: [],
});

export class SendGuard {
  private readonly boxes = new Map<Element, Box>();
  private readonly cache = new Map<string, Cached>();
  private readonly waiters = new Set<() => void>();
  private config: SendConfig | undefined;
  private configAsked = false;
  /** Recipients whose look-up failed (rate limit, background restarting): asked again before a send goes out. */
  private readonly failedKeys = new Set<string>();
  /** True while Heed itself re-dispatches a send the user confirmed: its own listener lets that one through. */
  private passing = false;

  constructor(private readonly deps: GuardDeps) {}

  /** Asked once, when the first compose box appears: most LinkedIn pages never hold one. */
  private askConfig(): void {
    if (this.configAsked) return;
    this.configAsked = true;
    void this.deps.config().then(
      (c) => {
        this.config = c;
        this.sync();
      },
      () => {
        this.config = { enabled: true, stopOnCheck: false };
        this.sync();
      },
    );
  }

  get enabled(): boolean {
    return this.config?.enabled !== false;
  }

  /** Brings the page's compose boxes and Heed's elements in step. Cheap when nothing changed. */
  sync(): void {
    if (!this.enabled) {
      for (const b of this.boxes.values()) b.el.remove();
      this.boxes.clear();
      return;
    }
    const found = findComposeBoxes(this.deps.doc, this.deps.site);
    if (found.length > 0) this.askConfig();
    const seen = new Set<Element>();
    for (const f of found) {
      seen.add(f.root);
      let box = this.boxes.get(f.root);
      if (!box) {
        box = {
          root: f.root,
          el: (this.deps.create ?? createSendCheck)(this.deps.doc),
          recipients: [],
          busy: false,
        };
        this.boxes.set(f.root, box);
      }
      box.recipients = f.recipients;
      this.place(box, f);
    }
    for (const [root, box] of this.boxes)
      if (!seen.has(root)) {
        box.el.remove();
        this.boxes.delete(root);
      }
    this.lookUpNew();
    this.render();
  }

  private place(box: Box, f: ComposeBox): void {
    const host = box.el.host;
    if (host.isConnected && box.root.contains(host)) return;
    f.place.parent.insertBefore(host, f.place.before?.parentNode === f.place.parent ? f.place.before : null);
  }

  private lookUpNew(): void {
    const todo: { key: string; lookup: SendRecipient }[] = [];
    for (const box of this.boxes.values())
      for (const r of box.recipients)
        if (r.lookup && !this.cache.has(r.key) && !todo.some((t) => t.key === r.key))
          todo.push({ key: r.key, lookup: r.lookup });
    for (let i = 0; i < todo.length; i += BATCH) {
      const batch = todo.slice(i, i + BATCH);
      for (const t of batch) this.cache.set(t.key, 'pending');
      this.deps
        .verdicts(batch.map((t) => t.lookup))
        .then(
          (answers) => {
            for (const [j, t] of batch.entries()) {
              const answer = answers[j];
              this.cache.set(t.key, answer ?? failed('no answer'));
              if (!answer) this.failedKeys.add(t.key);
            }
          },
          (err: unknown) => {
            for (const t of batch) {
              this.cache.set(t.key, failed(err instanceof Error ? err.message : String(err)));
              this.failedKeys.add(t.key);
            }
          },
        )
        .finally(() => {
          this.render();
          for (const w of [...this.waiters]) w();
        });
    }
  }

  private verdictOf(r: FoundRecipient): RecipientView {
    const v = r.lookup ? this.cache.get(r.key) : noAddress();
    if (v === undefined || v === 'pending')
      return {
        label: r.label,
        state: 'pending',
        summary: pt('page_checking_lists'),
        reasons: [],
        matches: [],
      };
    return { label: r.label, ...v };
  }

  viewOf(box: Box): BoxView {
    const recipients = box.recipients.map((r) => this.verdictOf(r));
    const pending = recipients.some((r) => r.state === 'pending');
    const state = worstOf(recipients.map((r) => (r.state === 'pending' ? 'unknown' : r.state)));
    return { state, pending, recipients };
  }

  private render(): void {
    for (const box of this.boxes.values()) box.el.update(this.viewOf(box));
  }

  /** The recipients that stop this box's send, or 'wait' while any is still being looked up. */
  private stopping(box: Box, afterRetry = false): RecipientView[] | 'wait' {
    if (!this.config) return 'wait';
    if (!afterRetry && box.recipients.some((r) => this.failedKeys.has(r.key))) return 'wait';
    const view = this.viewOf(box);
    if (view.pending) return 'wait';
    const stopOnCheck = this.config.stopOnCheck;
    return view.recipients.filter((r) => r.state === 'blocked' || (stopOnCheck && r.state === 'check'));
  }

  private boxAt(el: Element): Box | undefined {
    for (const box of this.boxes.values()) if (box.root.contains(el)) return box;
    return undefined;
  }

  /** Which box a send-starting event belongs to, and the Send control it used, if any. */
  private sendTarget(e: Event): { box: Box; control: HTMLElement | null; starts: boolean } | undefined {
    const t = e.composedPath()[0];
    if (!(t instanceof Element)) return undefined;
    const site = this.deps.site;
    if (e.type === 'submit') {
      const box = site === 'linkedin' ? this.boxAt(t) : undefined;
      return box ? { box, control: null, starts: true } : undefined;
    }
    if (e instanceof KeyboardEvent) {
      const enter = e.key === 'Enter' && !e.isComposing;
      const space = e.key === ' ' && e.type === 'keydown';
      if (!enter && !space) return undefined;
      const control = sendControlAt(t, site);
      const modified = enter && (e.ctrlKey || e.metaKey);
      // LinkedIn sends on Enter when "Press Enter to send" is on; Heed cannot see that setting, so a blocked
      // thread's Enter is held either way (Shift+Enter still makes a new line).
      const linkedinEnter =
        enter &&
        site === 'linkedin' &&
        !e.shiftKey &&
        !e.altKey &&
        t.closest('[contenteditable]:not([contenteditable=false]), textarea') !== null;
      if (control === null && !modified && !linkedinEnter) return undefined;
      const box = this.boxAt(t);
      return box ? { box, control, starts: e.type === 'keydown' } : undefined;
    }
    const control = sendControlAt(t, site);
    if (!control) return undefined;
    const box = this.boxAt(control);
    return box ? { box, control, starts: e.type === 'click' } : undefined;
  }

  /** The capture-phase listener for SEND_EVENTS. */
  readonly handleEvent = (e: Event): void => {
    if (this.passing || !this.enabled || this.boxes.size === 0) return;
    const hit = this.sendTarget(e);
    if (!hit) return;
    const stop = this.stopping(hit.box);
    if (stop !== 'wait' && stop.length === 0) return; // nothing blocked: the page sends untouched
    e.stopImmediatePropagation();
    e.preventDefault();
    if (hit.starts) void this.attempt(hit.box, hit.control, e);
  };

  private async attempt(box: Box, control: HTMLElement | null, e: Event): Promise<void> {
    if (box.busy) return;
    box.busy = true;
    try {
      let stop = this.stopping(box);
      if (stop === 'wait') {
        // Ask again for what failed, once; if it fails again the recipient stays unknown (which does not stop).
        const retry = box.recipients.filter((r) => this.failedKeys.has(r.key));
        for (const r of retry) {
          this.failedKeys.delete(r.key);
          this.cache.delete(r.key);
        }
        this.askConfig();
        this.lookUpNew();
        await this.settled();
        stop = this.stopping(box, true);
      }
      if (stop === 'wait' || stop.length === 0) {
        this.resend(box, control, e);
        return;
      }
      const stopping = stop;
      const removable = box.recipients.filter((r) => stopping.some((s) => s.label === r.label));
      await new Promise<void>((done) => {
        box.el.stop({
          stopping,
          canRemove: removable.length > 0 && removable.every((r) => r.remove?.isConnected),
          onBack: done,
          onRemove: () => {
            for (const r of removable) if (r.remove) clickLike(r.remove);
            this.sync();
            done();
          },
          onSendAnyway: async (reason) => {
            const lookups = removable.flatMap((r) => (r.lookup ? [r.lookup] : []));
            try {
              if (lookups.length > 0) await this.deps.override(lookups, reason);
            } catch (err) {
              return err instanceof Error ? err.message : String(err);
            }
            (this.deps.later ?? setTimeout)(() => this.resend(box, control, e), 0);
            done();
            return null;
          },
        });
      });
    } finally {
      box.busy = false;
    }
  }

  private settled(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if ([...this.cache.values()].every((v) => v !== 'pending') && this.config) finish();
      };
      const finish = () => {
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      (this.deps.later ?? setTimeout)(finish, WAIT_MS);
      check();
    });
  }

  /** Sends as the user asked, once, past Heed's own listener. */
  private resend(box: Box, control: HTMLElement | null, e: Event): void {
    const target = control?.isConnected
      ? control
      : ([...box.root.querySelectorAll<HTMLElement>('button, [role=button]')].find(
          (b) => sendControlAt(b, this.deps.site) === b,
        ) ?? null);
    this.passing = true;
    try {
      if (target) clickLike(target);
      else if (e instanceof KeyboardEvent && e.target instanceof Element)
        e.target.dispatchEvent(new KeyboardEvent('keydown', e));
      else if (e.type === 'submit' && e.target instanceof HTMLFormElement) e.target.requestSubmit();
    } finally {
      this.passing = false;
    }
  }

  /** The lists or settings changed: forget every verdict and the config, and look again. */
  refresh(): void {
    this.cache.clear();
    this.failedKeys.clear();
    this.config = undefined;
    this.configAsked = false;
    this.sync();
  }

  destroy(): void {
    for (const b of this.boxes.values()) b.el.remove();
    this.boxes.clear();
  }
}

function failed(message: string): SendVerdict {
  return {
    state: 'unknown',
    summary: pt('page_send_failed', message),
    reasons: [],
    matches: [],
  };
}

/** A click as a person makes it: sites such as Gmail act on mousedown/mouseup, others on click. */
function clickLike(el: HTMLElement): void {
  const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', init));
}
