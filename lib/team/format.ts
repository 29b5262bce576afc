import { t } from '../i18n';
import {
  BUNDLE_FORMAT_VERSION,
  type BundleHeader,
  BundleHeaderSchema,
  MAX_BUNDLE_BYTES,
  MAX_HEADER_BYTES,
} from './schemas';

// The bundle file, byte by byte (all integers little-endian):
//
//   offset 0   8 bytes   magic "HEEDTB01"
//   offset 8   4 bytes   uint32 H: length of the header
//   offset 12  H bytes   header: UTF-8 JSON (BundleHeaderSchema), which holds the body's length and SHA-256
//   12+H       64 bytes  Ed25519 signature over bytes [0, 12+H): magic, length and header
//   76+H       the body: each list's sections in header order, each section's keys then its meta indices
//
// The signature covers the header, and the header pins the body by its SHA-256, so one signature (over a few
// kilobytes) covers every byte of the file; the body is hashed once, by the browser's native SHA-256.

export const MAGIC = new TextEncoder().encode('HEEDTB01');
const PREFIX = MAGIC.length + 4;
export const SIGNATURE_BYTES = 64;

export type BundleErrorCode =
  | 'format'
  | 'too-large'
  | 'header'
  | 'signature'
  | 'tampered'
  | 'untrusted'
  | 'older'
  | 'gap'
  | 'content'
  | 'policy'
  | 'quota';

export class BundleError extends Error {
  override name = 'BundleError';
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let s = '';
  for (const b of d) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Joins typed arrays into one exactly-sized array of the same type, made by `make`. */
export function concatTyped<T extends Uint8Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(
  parts: readonly ArrayLike<number>[],
  make: (n: number) => T,
): T {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = make(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Joins byte arrays into one exactly-sized array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return concatTyped(parts, (n) => new Uint8Array(n));
}

/** Writes and signs a bundle. `header.body` is filled in here from the body itself. */
export async function encodeBundle(
  header: Omit<BundleHeader, 'body'>,
  bodyParts: readonly Uint8Array[],
  privateKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const body = concatBytes(bodyParts);
  const full: BundleHeader = BundleHeaderSchema.parse({
    ...header,
    body: { bytes: body.length, sha256: await sha256Hex(body) },
  });
  const json = new TextEncoder().encode(JSON.stringify(full));
  if (json.length > MAX_HEADER_BYTES) throw new BundleError('too-large', t('options_team_err_header_large'));
  const signed = new Uint8Array(PREFIX + json.length);
  signed.set(MAGIC, 0);
  new DataView(signed.buffer).setUint32(MAGIC.length, json.length, true);
  signed.set(json, PREFIX);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, signed));
  return concatBytes([signed, sig, body]);
}

export interface DecodedBundle {
  header: BundleHeader;
  signed: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  body: Uint8Array<ArrayBuffer>;
}

/** Splits a file into its parts and parses the header: no signature is checked yet. */
export function decodeBundle(file: Uint8Array<ArrayBuffer>): DecodedBundle {
  if (file.length > MAX_BUNDLE_BYTES) {
    throw new BundleError('too-large', t('options_team_err_too_large'));
  }
  if (file.length < PREFIX || MAGIC.some((b, i) => file[i] !== b)) {
    throw new BundleError('format', t('options_team_err_not_bundle'));
  }
  const h = new DataView(file.buffer, file.byteOffset, file.length).getUint32(MAGIC.length, true);
  if (h > MAX_HEADER_BYTES || PREFIX + h + SIGNATURE_BYTES > file.length) {
    throw new BundleError('format', t('options_team_err_truncated'));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(PREFIX, PREFIX + h)));
  } catch {
    throw new BundleError('tampered', t('options_team_err_header_unreadable'));
  }
  const fv = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof fv === 'number' && fv > BUNDLE_FORMAT_VERSION)
    throw new BundleError('format', t('options_bundle_newer_format', fv, BUNDLE_FORMAT_VERSION));
  const parsed = BundleHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BundleError(
      'header',
      t(
        'options_team_err_header_invalid',
        first?.path.join('.') || t('options_team_err_top_level'),
        first?.message ?? t('options_policy_invalid'),
      ),
    );
  }
  const bodyStart = PREFIX + h + SIGNATURE_BYTES;
  if (file.length - bodyStart !== parsed.data.body.bytes) {
    throw new BundleError('tampered', t('options_team_err_size'));
  }
  return {
    header: parsed.data,
    signed: file.slice(0, PREFIX + h),
    signature: file.slice(PREFIX + h, bodyStart),
    body: file.subarray(bodyStart),
  };
}

/** Checks the signature with `publicKey`, then the body against the signed digest. Throws on any mismatch. */
export async function verifyDecoded(d: DecodedBundle, publicKey: CryptoKey): Promise<void> {
  const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, d.signature, d.signed);
  if (!ok) {
    throw new BundleError('signature', t('options_team_err_signature'));
  }
  if ((await sha256Hex(d.body)) !== d.header.body.sha256) {
    throw new BundleError('tampered', t('options_team_err_checksum'));
  }
}
