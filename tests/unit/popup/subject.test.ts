import { describe, expect, it } from 'vitest';
import type { TabPerson } from '../../../lib/messaging/types';
import { samePerson, subjectLine } from '../../../lib/popup/subject';
import { EMMA, JANE } from './helpers';

const person = (ids: Partial<TabPerson['identifiers']>, name?: string): TabPerson => ({
  identifiers: { emails: [], profileUrls: [], salesNavUrls: [], phones: [], ...ids },
  hints: { source: 'linkedin-profile', ...(name ? { name } : {}) },
});

describe('samePerson', () => {
  it('is the same person when the page shows the same identifiers', () => {
    expect(samePerson(JANE, structuredClone(JANE))).toBe(true);
  });

  it('is the same person when the profile gains an email (the contact-info overlay)', () => {
    const more = person({ profileUrls: [...EMMA.identifiers.profileUrls], emails: ['emma@example.ca'] });
    expect(samePerson(EMMA, more)).toBe(true);
  });

  it('is someone else when the profile URL changes, even with the name and an email kept', () => {
    const moved = person(
      { profileUrls: ['https://www.linkedin.com/in/max-mustermann/'], emails: JANE.identifiers.emails },
      'Jane Doe',
    );
    expect(samePerson(JANE, moved)).toBe(false);
  });

  it('is someone else when no identifier is shared', () => {
    expect(samePerson(JANE, EMMA)).toBe(false);
    expect(samePerson(person({ emails: ['a@x.example'] }), person({ phones: ['+441234567890'] }))).toBe(
      false,
    );
  });

  it('reads emails without regard to case', () => {
    expect(
      samePerson(
        person({ emails: ['Jane.Doe@Acme.example'] }),
        person({ emails: ['jane.doe@acme.example'] }),
      ),
    ).toBe(true);
  });

  it('a Sales Navigator lead is someone else unless its lead URL matches', () => {
    const lead = person({ salesNavUrls: ['https://www.linkedin.com/sales/lead/A,NAME_SEARCH,x'] });
    expect(
      samePerson(lead, person({ salesNavUrls: ['https://www.linkedin.com/sales/lead/B,NAME_SEARCH,x'] })),
    ).toBe(false);
    expect(samePerson(lead, structuredClone(lead))).toBe(true);
  });
});

describe('subjectLine', () => {
  it('names what the form records, profile first, and counts the rest', () => {
    expect(subjectLine(JANE)).toBe('linkedin.com/in/jane-doe-1a2b3c/?trk=abc, Jane.Doe@Acme.example');
    const many = person({
      profileUrls: ['https://www.linkedin.com/in/a/'],
      emails: ['a@x.example', 'b@x.example', 'c@x.example'],
      phones: ['+441234567890'],
    });
    expect(subjectLine(many)).toBe('linkedin.com/in/a/, a@x.example, b@x.example and 2 more');
    expect(subjectLine(person({}))).toBe('no identifier');
  });
});
