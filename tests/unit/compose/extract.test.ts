// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailIn, findComposeBoxes, sendControlAt } from '@/lib/compose/extract';
import type { SendSite } from '@/lib/messaging/types';

const DIR = join(process.cwd(), 'tests/fixtures/pages');

/** A fixture page, parsed as the browser would at `_url` (where the browser tests serve it). */
function load(name: string, _url: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(DIR, name), 'utf8'), 'text/html');
}

function summary(doc: Document, site: SendSite) {
  return findComposeBoxes(doc, site).map((b) => ({
    id: b.root.id,
    recipients: b.recipients.map((r) => r.key),
    removable: b.recipients.filter((r) => r.remove).map((r) => r.key),
  }));
}

describe('compose boxes and their recipients, on pages built after the real markup', () => {
  it('Gmail new message: the chips in the box, not the inbox senders nor the body', () => {
    const doc = load('gmail-compose.html', 'https://mail.google.com/mail/u/0/');
    expect(summary(doc, 'gmail')).toEqual([
      {
        id: 'compose-1',
        recipients: ['email:max.mustermann@beispiel.example'],
        removable: ['email:max.mustermann@beispiel.example'],
      },
    ]);
  });

  it('Gmail thread: the reply has its own recipient, the forward none; thread people are not recipients', () => {
    const doc = load('gmail-reply.html', 'https://mail.google.com/mail/u/1/');
    expect(summary(doc, 'gmail')).toEqual([
      {
        id: 'reply-1',
        recipients: ['email:ada@adaworks.example'],
        removable: ['email:ada@adaworks.example'],
      },
      { id: 'forward-1', recipients: [], removable: [] },
    ]);
  });

  it('Gmail pop-out in the older markup: [email] chips and hidden input[name=to], one key per person', () => {
    const doc = load('gmail-popout.html', 'https://mail.google.com/mail/u/2/?view=cm');
    expect(summary(doc, 'gmail')).toEqual([
      {
        id: 'popout-1',
        recipients: ['email:bob@rival.example', 'email:max.mustermann@beispiel.example'],
        removable: [],
      },
    ]);
  });

  it('Outlook: both well generations; not the From field, the message list or the quoted body', () => {
    const compose = load('outlook-compose.html', 'https://outlook.office.com/mail/deeplink/compose');
    expect(summary(compose, 'outlook')).toEqual([
      {
        id: 'outlook-compose-1',
        recipients: ['email:max.mustermann@beispiel.example'],
        removable: ['email:max.mustermann@beispiel.example'],
      },
    ]);
    const reply = load('outlook-reply.html', 'https://outlook.live.com/mail/0/inbox/id/x');
    expect(summary(reply, 'outlook')).toEqual([
      {
        id: 'outlook-reply-1',
        recipients: ['email:ada@adaworks.example'],
        removable: ['email:ada@adaworks.example'],
      },
    ]);
  });

  it('LinkedIn: the thread header member, each overlay bubble apart, never the comment box', () => {
    const thread = load(
      'linkedin-messaging-thread.html',
      'https://www.linkedin.com/messaging/thread/2-jane/',
    );
    expect(summary(thread, 'linkedin').map((b) => [b.id, b.recipients])).toEqual([
      ['thread-jane', ['profile:https://www.linkedin.com/in/jane-doe-1a2b3c/']],
    ]);
    const overlay = load('linkedin-messaging-overlay.html', 'https://www.linkedin.com/feed/');
    expect(summary(overlay, 'linkedin').map((b) => [b.id, b.recipients])).toEqual([
      ['bubble-emma', ['profile:https://www.linkedin.com/in/emma-tremblay/']],
      ['bubble-jane', ['profile:https://www.linkedin.com/in/jane-doe-1a2b3c/']],
      ['bubble-new', []],
    ]);
  });

  it('Sales Navigator InMail: the lead in the thread header', () => {
    const doc = load(
      'linkedin-messaging-salesnav-inmail.html',
      'https://www.linkedin.com/sales/inbox/2-jane-thread',
    );
    expect(summary(doc, 'linkedin').map((b) => [b.id, b.recipients])).toEqual([
      ['inmail-jane', ['salesnav:https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz']],
    ]);
  });

  it('a Gmail chip without an address is a name (looked up as unknown, never ok)', () => {
    const doc = load('gmail-compose.html', 'https://mail.google.com/mail/u/0/');
    const chip = doc.querySelector('#compose-1 [data-hovercard-id]');
    chip?.setAttribute('data-hovercard-id', '117234');
    chip?.setAttribute('data-name', 'Team Sales');
    const [box] = findComposeBoxes(doc, 'gmail');
    expect(box?.recipients).toEqual([
      expect.objectContaining({ key: 'name:team sales', label: 'Team Sales' }),
    ]);
    expect(box?.recipients[0]?.lookup).toBeUndefined();
  });

  it('strips invisible characters an address may carry', () => {
    expect(emailIn('a\u200bda@ada\u202eworks.example')).toBe('ada@adaworks.example');
    expect(emailIn('"Ada" <Ada@AdaWorks.example>')).toBe('ada@adaworks.example');
    expect(emailIn('mailto:bob@rival.example')).toBe('bob@rival.example');
    expect(emailIn('Team Sales')).toBeUndefined();
  });
});

describe('Send controls', () => {
  const doc = document;
  const make = (html: string) => {
    doc.body.innerHTML = html;
    return doc.body.firstElementChild as Element;
  };
  it('knows Send by its label in several languages, with or without the shortcut', () => {
    expect(
      sendControlAt(
        make('<div role="button" data-tooltip="Send \u202a(Ctrl-Enter)\u202c">Send</div>'),
        'gmail',
      ),
    ).not.toBeNull();
    expect(
      sendControlAt(make('<div role="button" aria-label="Senden (Strg-Eingabetaste)"></div>'), 'gmail'),
    ).not.toBeNull();
    expect(sendControlAt(make('<button aria-label="Envoyer"></button>'), 'outlook')).not.toBeNull();
    expect(
      sendControlAt(
        make('<button aria-label="Send" title="Send (Ctrl+Enter)"><span>Send</span></button>').querySelector(
          'span',
        ),
        'outlook',
      ),
    ).not.toBeNull();
  });
  it('is not fooled by other controls that start with the word', () => {
    expect(
      sendControlAt(make('<div role="button" aria-label="More send options"></div>'), 'gmail'),
    ).toBeNull();
    expect(sendControlAt(make('<button aria-label="Send feedback to Google"></button>'), 'gmail')).toBeNull();
    expect(sendControlAt(make('<div role="button" aria-label="Sending options"></div>'), 'gmail')).toBeNull();
  });
  it("LinkedIn: the message form's submit button, not a comment box's", () => {
    const form = make(
      '<form class="msg-form"><div contenteditable="true"></div><button type="submit" class="msg-form__send-button">Send</button></form>',
    );
    expect(sendControlAt(form.querySelector('button'), 'linkedin')).not.toBeNull();
    const comment = make(
      '<form class="comments-comment-box__form"><div contenteditable="true"></div><button type="submit">Post</button></form>',
    );
    expect(sendControlAt(comment.querySelector('button'), 'linkedin')).toBeNull();
  });
});

describe('recipient wells in markup Heed has not seen', () => {
  it("reads an address shown only as a chip's text, and a name-only chip as a name", () => {
    document.body.innerHTML = `<div id="c"><div role="listbox" aria-label="To">
      <div role="option"><span>ada@adaworks.example</span></div>
      <div role="option"><span>Team Sales</span><button aria-label="Remove Team Sales">x</button></div></div>
      <div role="textbox" contenteditable="true" aria-label="Message body">write to bob@rival.example</div>
      <button aria-label="Send">Send</button></div>`;
    const [box] = findComposeBoxes(document, 'outlook');
    expect(box?.recipients.map((r) => r.key)).toEqual(['email:ada@adaworks.example', 'name:team sales']);
  });
});
