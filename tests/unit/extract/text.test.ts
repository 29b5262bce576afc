import { describe, expect, it } from 'vitest';
import { cleanText, fold, isVisible, stripHiddenChars, visibleText } from '../../../lib/extract/text';
import { page } from './fixtures';

describe('cleanText', () => {
  it.each([
    ['  Jane \u00A0 Doe  ', 'Jane Doe'],
    ['Cla\u200Bire Dubois', 'Claire Dubois'],
    ['\u202EJane Doe\u202C', 'Jane Doe'],
    ['\u2066Jane\u2069 \u200FDoe\u200E', 'Jane Doe'],
    ['Ja\u00ADne\uFEFF Doe', 'Jane Doe'],
    ['Jane\u2060Doe', 'JaneDoe'],
    ['Jane\tDoe\n\r\u3000X', 'Jane Doe X'],
    ['Jane\u{E0041}\u{E0042} Doe', 'Jane Doe'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(cleanText(input)).toBe(out);
  });

  it('takes null and undefined', () => {
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('keeps visible non-Latin text and accents', () => {
    expect(cleanText(' Zoë  Ø. Ñúñez 王 ')).toBe('Zoë Ø. Ñúñez 王');
  });

  it('stripHiddenChars leaves ordinary spaces alone', () => {
    expect(stripHiddenChars('a \u200Bb')).toBe('a b');
  });

  it('fold ignores case, accents, ß and punctuation', () => {
    expect(fold('  Île-de-France ')).toBe('ile de france');
    expect(fold('Großraum MÜNCHEN')).toBe('grossraum munchen');
  });
});

describe('isVisible', () => {
  const hidden: [string, string][] = [
    ['hidden attribute', '<div hidden><span id="t">x</span></div>'],
    ['aria-hidden on an ancestor', '<div aria-hidden="true"><p><span id="t">x</span></p></div>'],
    ['inert', '<div inert><span id="t">x</span></div>'],
    ['display:none inline', '<div style="display:none"><span id="t">x</span></div>'],
    [
      'display:none from a stylesheet',
      '<style>.h{display:none}</style><div class="h"><span id="t">x</span></div>',
    ],
    ['visibility:hidden', '<div style="visibility:hidden"><span id="t">x</span></div>'],
    ['visibility:collapse', '<span id="t" style="visibility:collapse">x</span>'],
    ['opacity:0 on an ancestor', '<div style="opacity:0"><span id="t">x</span></div>'],
    ['font-size:0 on an ancestor', '<div style="font-size:0"><span id="t">x</span></div>'],
    ['off-screen left', '<span id="t" style="position:absolute;left:-9999px">x</span>'],
    ['off-screen top', '<span id="t" style="position:fixed;top:-10000px">x</span>'],
    [
      'sr-only clip',
      '<span id="t" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">x</span>',
    ],
    [
      'clip rect(1px,1px,1px,1px)',
      '<span id="t" style="position:absolute;clip:rect(1px, 1px, 1px, 1px)">x</span>',
    ],
    ['clip-path inset(50%)', '<span id="t" style="clip-path:inset(50%)">x</span>'],
    ['zero height with overflow hidden', '<div style="height:0;overflow:hidden"><span id="t">x</span></div>'],
    [
      'text-indent trick',
      '<div style="text-indent:-9999px;overflow:hidden;width:100px"><span id="t">x</span></div>',
    ],
    ['scale(0)', '<div style="transform:scale(0)"><span id="t">x</span></div>'],
    ['closed details', '<details><summary>s</summary><p><span id="t">x</span></p></details>'],
    ['closed dialog', '<dialog><span id="t">x</span></dialog>'],
  ];
  it.each(hidden)('false for %s', (_label, html) => {
    const doc = page(html);
    const t = doc.getElementById('t');
    expect(t).not.toBeNull();
    if (t) expect(isVisible(t)).toBe(false);
  });

  const shown: [string, string][] = [
    ['plain', '<div><span id="t">x</span></div>'],
    ['aria-hidden="false"', '<div aria-hidden="false"><span id="t">x</span></div>'],
    [
      'visibility:visible inside visibility:hidden',
      '<div style="visibility:hidden"><span id="t" style="visibility:visible">x</span></div>',
    ],
    [
      'font-size reset inside font-size:0',
      '<div style="font-size:0"><span id="t" style="font-size:14px">x</span></div>',
    ],
    ['absolute but on screen', '<span id="t" style="position:absolute;left:10px;top:-5px">x</span>'],
    ['open details', '<details open><summary>s</summary><span id="t">x</span></details>'],
    ['summary of closed details', '<details><summary id="t">s</summary></details>'],
    ['opacity 0.5', '<div style="opacity:0.5"><span id="t">x</span></div>'],
  ];
  it.each(shown)('true for %s', (_label, html) => {
    const t = page(html).getElementById('t');
    expect(t).not.toBeNull();
    if (t) expect(isVisible(t)).toBe(true);
  });
});

describe('visibleText', () => {
  it('skips hidden descendants, scripts, styles and templates', () => {
    const doc = page(
      '<div id="t">Jane <span style="display:none">Eve</span><b>Doe</b><script>var x="Mallory"</script><style>p{}</style><template>T</template><span aria-hidden="true">Z</span></div>',
    );
    expect(visibleText(doc.getElementById('t') as Element)).toBe('Jane Doe');
  });

  it('separates block elements and line breaks, not inline ones', () => {
    const doc = page('<div id="t"><div>Jane Doe</div><div>Head of <i>Procurement</i></div>a<br>b</div>');
    expect(visibleText(doc.getElementById('t') as Element)).toBe('Jane Doe Head of Procurement a b');
  });

  it('is empty for a hidden root and caps its length', () => {
    const doc = page(`<div id="h" hidden>x</div><div id="l">${'a'.repeat(5000)}</div>`);
    expect(visibleText(doc.getElementById('h') as Element)).toBe('');
    expect(visibleText(doc.getElementById('l') as Element, 100)).toHaveLength(100);
  });
});

describe('isVisible with a browser that has checkVisibility', () => {
  it('trusts a "not rendered" answer, except for display:contents boxes', () => {
    const doc = page(
      '<p id="a">a</p><p id="b">b</p><div id="c" style="display:contents"><span>c</span></div>',
    );
    const proto = (doc.defaultView as Window & typeof globalThis).Element.prototype as Element & {
      checkVisibility?: () => boolean;
    };
    proto.checkVisibility = function (this: Element) {
      return this.id === 'a';
    };
    expect(isVisible(doc.getElementById('a') as Element)).toBe(true);
    expect(isVisible(doc.getElementById('b') as Element)).toBe(false);
    expect(isVisible(doc.getElementById('c') as Element)).toBe(true);
  });
});
