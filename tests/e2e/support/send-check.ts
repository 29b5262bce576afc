import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

export interface SendCheckState {
  /** `data-send-check` of the one element inside the closed shadow root. */
  state: string;
  /** Its accessible name (aria-label): who and what, for a screen reader. */
  label: string;
  /** ids of the host's ancestors, nearest first: tells which compose box it sits in. */
  within: string[];
  /** Attributes on the host element itself (the page can read these: must be none). */
  hostAttributes: string[];
  hostTag: string;
  hostBackendNodeId: number;
  /** `aria-expanded` of the element: 'true' while who-and-why is open. */
  expanded: string;
}

function attrs(n: CdpNode): Record<string, string> {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i] as string] = a[i + 1] as string;
  return out;
}

async function tree(cdp: CDPSession): Promise<CdpNode> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  return root;
}

/** Every send-check element on the page, read through closed shadow roots with CDP (page scripts cannot). */
export async function readSendChecks(page: Page): Promise<SendCheckState[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const root = await tree(cdp);
    const out: SendCheckState[] = [];
    const find = (n: CdpNode, pred: (x: CdpNode) => boolean): CdpNode[] => [
      ...(pred(n) ? [n] : []),
      ...(n.children ?? []).flatMap((c) => find(c, pred)),
    ];
    const walk = (n: CdpNode, ancestors: CdpNode[]): void => {
      for (const sr of n.shadowRoots ?? []) {
        if (sr.shadowRootType === 'closed') {
          for (const el of find(sr, (x) => 'data-send-check' in attrs(x))) {
            const a = attrs(el);
            out.push({
              state: a['data-send-check'] ?? '',
              label: a['aria-label'] ?? '',
              within: ancestors
                .map((x) => attrs(x).id)
                .filter((x): x is string => Boolean(x))
                .reverse(),
              hostAttributes: Object.keys(attrs(n)),
              hostTag: n.nodeName.toLowerCase(),
              hostBackendNodeId: n.backendNodeId,
              expanded: a['aria-expanded'] ?? '',
            });
          }
        }
        walk(sr, [...ancestors, n]);
      }
      for (const c of n.children ?? []) walk(c, [...ancestors, n]);
      if (n.contentDocument) walk(n.contentDocument, []);
    };
    walk(root, []);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** The send check inside the compose box with this id, once it satisfies `want`. */
export async function waitForSendCheck(
  page: Page,
  boxId: string,
  want: (s: SendCheckState) => boolean,
  timeoutMs = 10_000,
): Promise<SendCheckState> {
  const deadline = Date.now() + timeoutMs;
  let last: SendCheckState[] = [];
  while (Date.now() < deadline) {
    last = (await readSendChecks(page)).filter((s) => s.within.includes(boxId));
    const [only] = last;
    if (last.length === 1 && only && want(only)) return only;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `send check in #${boxId} not as expected within ${timeoutMs} ms; saw ${JSON.stringify(last)}`,
  );
}

/** Clicks, as a person does (real mouse events), the element in a closed shadow root whose aria-label starts with `label`. */
export async function clickInShadow(page: Page, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const root = await tree(cdp);
    const hits: CdpNode[] = [];
    const walk = (n: CdpNode, inShadow: boolean) => {
      if (inShadow && (attrs(n)['aria-label'] ?? '').startsWith(label)) hits.push(n);
      for (const sr of n.shadowRoots ?? []) walk(sr, inShadow || sr.shadowRootType === 'closed');
      for (const c of n.children ?? []) walk(c, inShadow);
    };
    walk(root, false);
    for (const n of hits) {
      const box = (await cdp
        .send('DOM.getBoxModel', { backendNodeId: n.backendNodeId })
        .catch(() => null)) as {
        model: { content: number[]; width: number; height: number };
      } | null;
      if (!box || box.model.width === 0) continue;
      const [x1, y1, , , x3, y3] = box.model.content as [number, number, number, number, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      return;
    }
    throw new Error(`no visible element labelled "${label}…" in a closed shadow root`);
  } finally {
    await cdp.detach();
  }
}

/** The size of a send-check host as the page lays it out. */
export async function hostBox(page: Page, backendNodeId: number): Promise<{ width: number; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
      model: { width: number; height: number };
    };
    return { width: model.width, height: model.height };
  } finally {
    await cdp.detach();
  }
}

/** The send-override events in Heed's audit log, read from the extension's own database on an extension page. */
export async function sendOverrides(page: Page): Promise<{ at: string; listId?: string; detail: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ at: string; listId?: string; detail: string }[]>((resolve, reject) => {
        const open = indexedDB.open('heed');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('audit').objectStore('audit').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { action: string; at: string; listId?: string; detail: string }[])
                .filter((e) => e.action === 'send-override')
                .map(({ at, listId, detail }) => ({ at, ...(listId ? { listId } : {}), detail })),
            );
            open.result.close();
          };
        };
      }),
  );
}

/** The words shown in Heed's open dialogs (generated content from `data-t`), read through closed shadow roots. */
export async function dialogTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const root = await tree(cdp);
    const out: string[] = [];
    const collect = (n: CdpNode) => {
      const t = attrs(n)['data-t'];
      if (t) out.push(t);
      for (const c of n.children ?? []) collect(c);
    };
    const walk = (n: CdpNode, inShadow: boolean) => {
      if (inShadow && n.nodeName === 'DIALOG' && 'open' in attrs(n)) collect(n);
      for (const sr of n.shadowRoots ?? []) walk(sr, inShadow || sr.shadowRootType === 'closed');
      for (const c of n.children ?? []) walk(c, inShadow);
    };
    walk(root, false);
    return out;
  } finally {
    await cdp.detach();
  }
}
