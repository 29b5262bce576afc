import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './browser';

// A stable extension id for the policy test: Chromium derives an unpacked extension's id from its path unless the
// manifest has a `key`, and enterprise policy addresses an extension by id. The product build has no key; the test
// copies the built extension and adds this one (a throwaway RSA public key, used for nothing else).
export const TEST_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzdwvy4hbcw2yhPMbDZ/vvlu2VFvLlYOqd6upQHm3Kqusih4Kl2aizDdGB2GGdt/fnG62VEmTBQC6h6gppHLcnfvQmoaqWsn/hF5ZxRJCo9+NvX0G6nFntiizDzv7kX5iQMwyMg3v2qCsIxNdUt4Qs43VgBtwh5yrEo2Byz4Gmo94naQ3qVbijWzBJzXQa1RGgLvzbHNPOEnmOosCMQkpOFvQhed/capj0hE2u6osAWOlhbhqLtpVrmwSXrq3R63IMg2peu6bVDLmqFFbxNNczXMuvgLvTxAkhpTt6WukWLdhkDdDw3qWP8kmJoZZBWTuzROBLM2sgobzeeYYQh2InQIDAQAB';

/** Chromium's id for a manifest key: the first 128 bits of SHA-256 of the key, hex digits 0-f written as a-p. */
export function extensionIdOf(manifestKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(manifestKey, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** A copy of the built extension whose manifest carries TEST_MANIFEST_KEY. */
export function keyedExtensionCopy(): { dir: string; id: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'heed-keyed-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key: TEST_MANIFEST_KEY }));
  return {
    dir,
    id: extensionIdOf(TEST_MANIFEST_KEY),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Debian's Chromium reads every *.json here at startup (mandatory policy). */
export const CHROMIUM_MANAGED_POLICY_DIR = process.env.HEED_POLICY_DIR ?? '/etc/chromium/policies/managed';

/**
 * Writes a managed-policy file giving `policy` to the extension `id` only (3rdparty.extensions), under a unique
 * name so parallel runs never share one. Nothing else is set: other Chromium instances on the machine see only a
 * policy for an extension they do not have.
 */
export function writeExtensionPolicy(id: string, policy: unknown): { file: string; remove(): void } {
  mkdirSync(CHROMIUM_MANAGED_POLICY_DIR, { recursive: true });
  const file = join(CHROMIUM_MANAGED_POLICY_DIR, `heed-test-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
  return { file, remove: () => rmSync(file, { force: true }) };
}
