import { z } from 'zod';
import { ContactVisibilitySchema, PageSourceSchema } from '../vocab/schemas';

// Caps bound the work a message can cause: a page can never make the background hash thousands of values.
export const LIMITS = {
  domains: 10,
  emails: 20,
  /** A scanned page's addresses, looked up in one message (each one a rate-limit token). */
  scanEmails: 200,
  scanPhones: 200,
  profileUrls: 5,
  /** Recipients of one compose box looked up in one message (one rate-limit token). */
  sendRecipients: 50,
  /** The reason typed to send anyway. */
  sendReason: 300,
  salesNavUrls: 5,
  phones: 10,
  valueLength: 2048,
  nameLength: 200,
  /** Person rows looked up in one message: a screenful of search results; the content script sends more in turn. */
  rows: 50,
};

const value = z.string().min(1).max(LIMITS.valueLength);

export const IdentifiersSchema = z.object({
  emails: z.array(value).max(LIMITS.emails),
  profileUrls: z.array(value).max(LIMITS.profileUrls),
  salesNavUrls: z.array(value).max(LIMITS.salesNavUrls),
  phones: z.array(value).max(LIMITS.phones),
  domains: z.array(value).max(LIMITS.domains).optional(),
});

export const PageHintsSchema = z.object({
  source: PageSourceSchema,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  name: z.string().max(LIMITS.nameLength).optional(),
  birthday: z.string().max(40).optional(),
  contactVisibility: ContactVisibilitySchema.optional(),
  employer: z.string().max(LIMITS.nameLength).optional(),
});

export const SendSiteSchema = z.enum(['gmail', 'outlook', 'linkedin']);
export const SendRecipientSchema = z
  .object({ email: value.optional(), profileUrl: value.optional(), salesNavUrl: value.optional() })
  .refine((r) => [r.email, r.profileUrl, r.salesNavUrl].filter((v) => v !== undefined).length === 1, {
    message: 'a recipient has exactly one identifier',
  });
const SendRecipientsSchema = z.array(SendRecipientSchema).min(1).max(LIMITS.sendRecipients);

export const TabPersonSchema = z.object({ identifiers: IdentifiersSchema, hints: PageHintsSchema });

/**
 * What a reply's opt-out offer hands to the popup: who (the sender's address or profile), when (the reply's date,
 * YYYY-MM-DD) and which curated phrase matched (lib/replies/phrases.ts, e.g. `en.remove-me`). Never the message
 * text: strict, so a message's text has no field to travel in.
 */
export const ReplyOptOutSchema = z
  .object({
    sender: z
      .object({ email: value.optional(), profileUrl: value.optional() })
      .strict()
      .refine((s) => Boolean(s.email || s.profileUrl), 'the sender needs an address or a profile'),
    since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    phraseId: z.string().regex(/^[a-z]{2}\.[a-z0-9-]{1,40}$/),
    reason: z.enum(['objection', 'unsubscribe']),
  })
  .strict();

// Messages a content script may send. Anything else from a web page is refused; a free look-up is for the
// extension's own pages only (no content surface shows one).
const contentMessages = [
  z.object({ type: z.literal('page-person'), person: TabPersonSchema.nullable() }),
  z.object({ type: z.literal('open-record'), action: z.enum(['opt-out', 'lawful-basis']) }),
  /** How the content script may show itself: on the page, or not at all (side-panel-only mode). */
  z.object({ type: z.literal('content-mode') }),
  /** The words content scripts show, in the language Heed speaks (lib/i18n/page.ts). */
  z.object({ type: z.literal('page-strings') }),
  z.object({
    type: z.literal('scan-page'),
    emails: z.array(value).max(LIMITS.scanEmails),
    phones: z.array(value).max(LIMITS.scanPhones),
  }),
  z.object({ type: z.literal('send-config'), site: SendSiteSchema }),
  z.object({ type: z.literal('send-recipients'), site: SendSiteSchema, recipients: SendRecipientsSchema }),
  z.object({
    type: z.literal('send-override'),
    site: SendSiteSchema,
    recipients: SendRecipientsSchema,
    // The dialog asks for at least 10 characters; the receiver holds it to that too.
    reason: z.string().trim().min(10).max(LIMITS.sendReason),
  }),
  /** The person rows of a list page (search results, lead lists, an organisation's members), ≤ 50 at a time. */
  z.object({ type: z.literal('lookup-rows'), rows: z.array(TabPersonSchema).min(1).max(LIMITS.rows) }),
  /** The user clicked "Record opt-out" on a reply: open the popup's form for the sender, prefilled. */
  z.object({ type: z.literal('open-reply-opt-out'), offer: ReplyOptOutSchema }),
] as const;

const pageMessages = [
  z.object({ type: z.literal('lookup'), identifiers: IdentifiersSchema, hints: PageHintsSchema }),
  z.object({ type: z.literal('tab-state'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('store-changed') }),
  z.object({ type: z.literal('scan-tab'), tabId: z.number().int().nonnegative() }),
] as const;

/** What a content script (speaking for a possibly hostile page) may send: its page's person and scan, no writes. */
export const ContentRequestSchema = z.discriminatedUnion('type', [...contentMessages]);
/** What only the extension's own pages may send. */
export const PageRequestSchema = z.discriminatedUnion('type', [...pageMessages]);
/** Everything an extension page may send. */
export const RequestSchema = z.discriminatedUnion('type', [...contentMessages, ...pageMessages]);

/** The scan script's result, read back by the background through executeScript: parsed, since a page ran there. */
export const ScanSummarySchema = z.object({
  emails: z.number().int().nonnegative(),
  phones: z.number().int().nonnegative(),
  mine: z.array(z.string().max(LIMITS.valueLength)).max(LIMITS.scanEmails + LIMITS.scanPhones),
});

/**
 * The scan script's result in side-panel-only mode: what it found, unmarked. The background looks it up and the
 * side panel lists it, so no verdict ever reaches the page's process.
 */
export const ScanFoundSchema = z.object({
  found: z.object({
    emails: z.array(value).max(LIMITS.scanEmails),
    phones: z.array(value).max(LIMITS.scanPhones),
  }),
});
