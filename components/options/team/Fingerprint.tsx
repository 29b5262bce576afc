import { useEffect, useState } from 'react';
import { base64ToBytes } from '@/lib/store/backup';
import { fingerprint, groupedFingerprint } from '@/lib/team/keys';

/** A key's fingerprint as people compare it: from its id, or computed from a base64 public key. */
export function Fingerprint({ keyId, publicKey }: { keyId?: string; publicKey?: string }) {
  const [fp, setFp] = useState<string | null>(keyId ?? null);
  useEffect(() => {
    if (keyId || !publicKey) return;
    let live = true;
    void fingerprint(base64ToBytes(publicKey)).then((f) => live && setFp(f));
    return () => {
      live = false;
    };
  }, [keyId, publicKey]);
  return <code className="tm-fingerprint">{fp ? groupedFingerprint(fp) : '…'}</code>;
}
