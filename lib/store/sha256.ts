import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// Synchronous SHA-256 (@noble/hashes, audited). The audit chain hashes each event inside the IndexedDB
// transaction that writes it; awaiting WebCrypto or the hash-wasm loader there would let the transaction commit
// early (IndexedDB ends a transaction when control returns to the event loop without a pending request).

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
