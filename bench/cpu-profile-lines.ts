// A CPU profile (Chromium's Profiler.stop) summarised by function, inclusive and self time, and a sampling heap
// profile by allocating function: what
// bench/profile-bulk.ts and bench/bulk-seeded.ts print.

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export function cpuProfileLines(profile: CpuProfile, inclusiveTop = 45, selfTop = 40): string[] {
  type Node = CpuProfile['nodes'][number];
  const name = (n: Node) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((sid, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const key = name(byId.get(sid) as Node);
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  // Inclusive time: a sample counts for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  profile.samples.forEach((sid, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = sid; at !== undefined; at = parent.get(at))
      seen.add(name(byId.get(at) as Node));
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const line = ([k, us]: [string, number]) =>
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`;
  return [
    'inclusive:',
    ...[...incl]
      .sort((a, b) => b[1] - a[1])
      .slice(0, inclusiveTop)
      .map(line),
    'self:',
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, selfTop)
      .map(line),
  ];
}

/** A sampling heap profile's node (HeapProfiler.stopSampling). */
export interface HeapProfileNode {
  callFrame: CpuProfile['nodes'][number]['callFrame'];
  selfSize: number;
  children: HeapProfileNode[];
}

/** A sampling heap profile summarised by function: the total allocated and the `top` allocators, one line each. */
export function heapProfileLines(head: HeapProfileNode, top = 30): { total: number; lines: string[] } {
  const bytes = new Map<string, number>();
  const walk = (n: HeapProfileNode) => {
    const f = n.callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    bytes.set(k, (bytes.get(k) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(head);
  let total = 0;
  for (const b of bytes.values()) total += b;
  const lines = [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, b]) => `${(b / 1e6).toFixed(1).padStart(8)} MB  ${k}`);
  return { total, lines };
}
