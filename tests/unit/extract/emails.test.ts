import { describe, expect, it } from 'vitest';
import { emailsFromMailto, emailsInText, findEmailsOnPage } from '../../../lib/extract/emails';
import { page } from './fixtures';

const emails = (html: string) => findEmailsOnPage(page(html)).map((f) => f.email);

describe('emailsInText', () => {
  it.each([
    ['write to jane.doe@gmail.com.', ['jane.doe@gmail.com']],
    ['(max+news@beispiel.example)', ['max+news@beispiel.example']],
    ['bob\u200B@acme.example', ['bob@acme.example']],
    ['bo\u202Eb@acme.example', ['bob@acme.example']],
    ['a@b.co, c@d.example; e@f.example', ['a@b.co', 'c@d.example', 'e@f.example']],
    ['Jörg@müller.example', ['Jörg@müller.example']],
    ['x@xn--mller-kva.example', ['x@xn--mller-kva.example']],
    ['…jane@acme.example', ['jane@acme.example']],
    ["o'brien@acme.example", ["o'brien@acme.example"]],
    ['@handle and user@localhost and a@b.c', []],
    ['jane..doe@acme.example', []],
    ['logo@2x.png icon@3x.webp', []],
    ['no at sign here', []],
  ])('%j', (text, out) => {
    expect(emailsInText(text)).toEqual(out);
  });

  it('does not let a zero-width space split one address into a different one', () => {
    expect(emailsInText('ceo\u200B.fake@acme.example')).toEqual(['ceo.fake@acme.example']);
  });

  it('stays fast on long hostile text', () => {
    const t0 = Date.now();
    emailsInText(`${'a.'.repeat(50_000)}@${'b.'.repeat(50_000)}`);
    emailsInText('a@'.repeat(50_000));
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('emailsFromMailto', () => {
  it.each([
    ['mailto:jane@acme.example', ['jane@acme.example']],
    ['MAILTO:Jane@Acme.example?subject=Hi', ['Jane@Acme.example']],
    ['mailto:a@x.example,b@y.example', ['a@x.example', 'b@y.example']],
    ['mailto:jane%40acme.example', ['jane@acme.example']],
    ['mailto:%E0%A4%A', []],
    ['mailto:?to=jane@acme.example', []],
    ['https://acme.example', []],
  ])('%s', (href, out) => {
    expect(emailsFromMailto(href)).toEqual(out);
  });
});

describe('findEmailsOnPage', () => {
  it('finds mailto links and plain text, deduplicated case-insensitively, link first', () => {
    const doc = page(
      '<p><a href="mailto:Jane@Acme.example">write</a> or jane@acme.example</p><p>max@beispiel.example</p>',
    );
    const found = findEmailsOnPage(doc);
    expect(found.map((f) => [f.email, f.element.tagName])).toEqual([
      ['Jane@Acme.example', 'A'],
      ['max@beispiel.example', 'P'],
    ]);
  });

  it('skips hidden, aria-hidden, inert, off-screen and transparent nodes', () => {
    expect(
      emails(
        '<span hidden>a@x.example</span><p aria-hidden="true">b@x.example</p><div inert>c@x.example</div>' +
          '<p style="display:none">d@x.example</p><p style="position:absolute;left:-5000px">e@x.example</p>' +
          '<p style="opacity:0">f@x.example</p><a style="display:none" href="mailto:g@x.example">g</a>' +
          '<p>shown@x.example</p>',
      ),
    ).toEqual(['shown@x.example']);
  });

  it('skips form fields, scripts, styles, templates, noscript and editable areas', () => {
    expect(
      emails(
        '<input value="a@x.example"><textarea>b@x.example</textarea><select><option>c@x.example</option></select>' +
          '<script>"d@x.example"</script><style>/* e@x.example */</style><template><p>f@x.example</p></template>' +
          '<noscript>g@x.example</noscript><div contenteditable="true">h@x.example</div>' +
          '<div contenteditable="false">i@x.example</div>',
      ),
    ).toEqual(['i@x.example']);
  });

  it('ignores an address in an attribute that is not a mailto link', () => {
    expect(emails('<a href="https://x.example/?u=a@x.example" title="b@x.example">link</a>')).toEqual([]);
  });

  it('can search one container only', () => {
    const doc = page('<div id="a">a@x.example</div><div id="b">b@x.example</div>');
    const b = doc.getElementById('b') as Element;
    expect(findEmailsOnPage(b).map((f) => f.email)).toEqual(['b@x.example']);
  });

  it('caps the number of results', () => {
    const many = Array.from({ length: 700 }, (_, i) => `<p>p${i}@x.example</p>`).join('');
    expect(findEmailsOnPage(page(many))).toHaveLength(500);
    expect(findEmailsOnPage(page(many), 10)).toHaveLength(10);
  });

  it('bounds work on a large page', () => {
    const row = (i: number) =>
      `<div><div><div><span>row ${i}</span> <p>p${i}@x.example</p></div></div></div>`;
    const doc = page(`<main>${Array.from({ length: 3000 }, (_, i) => row(i)).join('')}</main>`);
    const t0 = Date.now();
    expect(findEmailsOnPage(doc)).toHaveLength(500);
    // jsdom recomputes the cascade on every getComputedStyle call; a browser is far faster. This catches blow-ups.
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('does not throw on an empty document', () => {
    expect(findEmailsOnPage(page(''))).toEqual([]);
  });
});
