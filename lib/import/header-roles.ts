import type { ColumnRole } from '../vocab';

// The header vocabulary of list files: which column names mean which role. Detection (detect.ts) reads it to
// suggest a mapping; the import (row-mapping.ts) to know which roles hold identifiers.

// Header names seen in real exports, compared lower-case with everything but letters and digits removed.
const HEADER_ROLES = new Map<string, ColumnRole>([
  // Not 'address': in Mailchimp and CRM exports it is the postal address.
  ...['email', 'emails', 'mail', 'emailaddress', 'emailaddr', 'mailaddress', 'recipient', 'primaryemail'].map(
    (h) => [h, 'email'] as const,
  ),
  ...['md5', 'md5hash', 'emailmd5', 'md5email', 'hashmd5'].map((h) => [h, 'md5'] as const),
  ...['sha1', 'sha1hash', 'emailsha1'].map((h) => [h, 'sha1'] as const),
  ...['sha256', 'sha256hash', 'emailsha256', 'sha2'].map((h) => [h, 'sha256'] as const),
  ...['sha512', 'sha512hash', 'emailsha512', 'hashsha512'].map((h) => [h, 'sha512'] as const),
  ...['hash', 'hashes', 'hashedemail', 'emailhash', 'hashvalue'].map((h) => [h, 'hash'] as const),
  ...['domain', 'domains', 'website', 'companydomain', 'emaildomain'].map((h) => [h, 'domain'] as const),
  ...['linkedin', 'linkedinurl', 'profile', 'profileurl', 'linkedinprofile', 'url'].map(
    (h) => [h, 'profile'] as const,
  ),
  ...['salesnav', 'salesnavigator', 'salesnavurl', 'salesnavigatorurl', 'leadurl'].map(
    (h) => [h, 'salesnav'] as const,
  ),
  ...['phone', 'phones', 'phonenumber', 'mobile', 'tel', 'telephone', 'mobilephone', 'cell'].map(
    (h) => [h, 'phone'] as const,
  ),
  ...['reason', 'optoutreason', 'suppressionreason'].map((h) => [h, 'reason'] as const),
  ...[
    'date',
    'since',
    'optoutdate',
    'unsubscribedat',
    'unsubscribedate',
    'dateadded',
    'createdat',
    'timestamp',
    'unsubtime',
    'cleantime',
    'optouttime',
    'unsubscribedon',
    'optedoutat',
  ].map((h) => [h, 'date'] as const),
  ['value', 'auto'],
  ['kind', 'kind'],
  ['type', 'kind'],
]);

function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function roleFromHeader(h: string): ColumnRole | undefined {
  return HEADER_ROLES.get(headerKey(h));
}
