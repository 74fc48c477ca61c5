/**
 * Reading a V8 CPU profile (CDP `Profiler.stop`) of a console page: how much main-thread time ran in
 * the extension's scripts (any sample with a `chrome-extension://` frame on its stack: the main-world
 * hook and the isolated content script share the page's thread), and the longest uninterrupted stretch.
 */
interface CallFrame {
  url: string;
  functionName: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Attribution {
  /** Sampled time with an extension frame on the stack (ms). */
  extMs: number;
  /** Sampled time that was not idle (ms). */
  busyMs: number;
  /** JS and GC time: not idle, not "(program)" (ms). */
  jsMs: number;
  /** Longest run of consecutive extension samples (ms): an upper bound of one extension task. */
  longestExtMs: number;
}

export function attribute(
  p: CpuProfile,
  isExt = (url: string) => url.startsWith('chrome-extension://'),
): Attribution {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const extNode = new Map<number, boolean>();
  const inExt = (id: number): boolean => {
    const known = extNode.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    const up = parent.get(id);
    const v = !!n && (isExt(n.callFrame.url) || (up !== undefined && inExt(up)));
    extNode.set(id, v);
    return v;
  };
  let extMs = 0;
  let busyMs = 0;
  let jsMs = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const id = p.samples[i]!;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (name !== '(idle)') busyMs += dt;
    if (name !== '(idle)' && name !== '(program)') jsMs += dt;
    if (inExt(id)) {
      extMs += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  return { extMs, busyMs, jsMs, longestExtMs: longest };
}

/**
 * Self time of a profile's non-idle samples, per source file and per function (top `top` of each), as
 * printable lines: where a benchmark's profile pass spent its main thread.
 */
export function selfTimes(p: CpuProfile, top = 40): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame as CallFrame & { lineNumber?: number; columnNumber?: number };
    if (f.functionName === '(idle)') return;
    total += dt;
    const file = f.url ? f.url.split('/').pop()! : f.functionName;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber ?? ''}:${f.columnNumber ?? ''}`;
    self.set(k, (self.get(k) ?? 0) + dt);
    files.set(file, (files.get(file) ?? 0) + dt);
  });
  const show = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return `busy ${total.toFixed(0)} ms\n-- by file\n${show(files, 10)}\n-- by function (self)\n${show(self, top)}`;
}
