import { useEffect, useState } from 'react';
import { onManagedPolicyChange, readManagedPolicy } from '@/lib/policy/managed';
import type { ParsedPolicy } from '@/lib/policy/schema';

/** The organisation's policy as storage.managed holds it now, following changes; null until read. */
export function useManagedPolicy(): ParsedPolicy | null {
  const [policy, setPolicy] = useState<ParsedPolicy | null>(null);
  useEffect(() => {
    let live = true;
    void readManagedPolicy().then((p) => live && setPolicy(p));
    const off = onManagedPolicyChange((p) => live && setPolicy(p));
    return () => {
      live = false;
      off();
    };
  }, []);
  return policy;
}
