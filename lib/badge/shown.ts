/*
 * Closed shadow roots are not private to text search: window.find(), the browser's find-in-page and the selection
 * a hit leaves behind all reach text inside them (issue 19). So nothing Heed draws on a page is text. Each word is
 * CSS generated content from an attribute inside the closed root (`::before { content: attr(data-t) }`): the user
 * sees it and assistive technology reads it (generated content is part of the accessibility tree and of accessible
 * names), but it is no DOM text, so the page's find and selection cannot match it, and attributes inside a closed
 * root are not readable by the page. tests/e2e/hostile-oracle.e2e.ts proves it from the page's world in Chromium.
 */

/** Styles every surface in a closed root needs: generated words, and nothing selectable. */
export const SHOWN_STYLE = `
*{-webkit-user-select:none;user-select:none}
[data-t]::before{content:attr(data-t)}
`;

/** An element showing `text` as generated content, never as a text node. */
export function shown<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.setAttribute('data-t', text);
  if (className) node.className = className;
  return node;
}

/**
 * Escape closes the panel and gives focus back to its pill; a click anywhere outside the host closes it too
 * (clicks inside a closed root are retargeted to the host, so only clicks elsewhere count). Returns the cleanup.
 */
export function closeOnEscapeOrOutside(
  doc: Document,
  host: HTMLElement,
  root: ShadowRoot,
  pill: HTMLElement,
  setOpen: (open: boolean) => void,
): () => void {
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      setOpen(false);
      pill.focus({ preventScroll: true });
    }
  });
  const onDocClick = (e: Event) => {
    if (e.target !== host) setOpen(false);
  };
  doc.addEventListener('click', onDocClick, true);
  return () => doc.removeEventListener('click', onDocClick, true);
}
