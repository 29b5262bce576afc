import { describe, expect, it } from 'vitest';
import { emailKind } from '../../../lib/extract/email-kind';

describe('emailKind', () => {
  it.each([
    ['jane.doe@gmail.com', 'personal'],
    ['Jane.Doe@GMAIL.COM', 'personal'],
    ['max@gmx.de', 'personal'],
    ['max@web.de', 'personal'],
    ['claire@orange.fr', 'personal'],
    ['x@yahoo.co.uk', 'personal'],
    ['x@hotmail.co.uk', 'personal'],
    ['x@googlemail.com', 'personal'],
    ['x@outlook.com', 'personal'],
    ['x@icloud.com', 'personal'],
    ['x@proton.me', 'personal'],
    ['x@posteo.de', 'personal'],
    ['x@libero.it', 'personal'],
    ['x@wp.pl', 'personal'],
    ['  jane@gmail.com  ', 'personal'],
    ['jane\u200B@gmail.com', 'personal'],
    ['jane@acme.example', 'work'],
    ['max.mustermann@beispiel.example', 'work'],
    ['someone@facebook.com', 'work'],
    ['someone@example.com', 'work'],
    ['someone@mail.gmail.com.evil.example', 'work'],
    ['not an email', 'unknown'],
    ['jane@', 'unknown'],
    ['@gmail.com', 'unknown'],
    ['', 'unknown'],
  ] as const)('%j → %s', (email, kind) => {
    expect(emailKind(email)).toBe(kind);
  });

  it('treats extra personal domains as personal, in any case', () => {
    expect(emailKind('a@family-name.example')).toBe('work');
    expect(emailKind('a@family-name.example', ['Family-Name.example'])).toBe('personal');
    expect(emailKind('a@family-name.example', ['@family-name.example'])).toBe('personal');
  });

  it('lets the team’s own domains override the webmail list', () => {
    expect(emailKind('colleague@sky.com')).toBe('personal');
    expect(emailKind('colleague@sky.com', [], ['sky.com'])).toBe('work');
    expect(emailKind('colleague@sky.com', ['sky.com'], ['SKY.COM'])).toBe('work');
  });
});
