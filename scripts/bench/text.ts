/**
 * Benchmark: categorize + cluster + near-duplicate 60 000 generated reviews (seeded, built from phrase
 * pieces below), median of 3 runs. Target ≤ 3 s on the project's 2-core machine.
 * Run: npx tsx scripts/bench/text.ts [count]
 * Last line is one JSON summary: {"bench":"text","reviews":…,"ms":…}.
 */
import { performance } from 'node:perf_hooks';
import { DAY_MS } from '../../lib/model';
import { analyzeText } from '../../lib/text/analyze';
import { clusterNegatives, type ClusterItem } from '../../lib/text/clusters';
import { nearDuplicateGroups } from '../../lib/text/near-duplicates';
import { mulberry32 } from '../../lib/random';

const OPENERS = [
  '',
  '收到了，',
  '第二次买了，',
  '给家里人买的，',
  '双十一囤的，',
  '朋友推荐的，',
  '纠结了很久才买，',
];
const PRAISE = [
  '质量很好',
  '做工精细',
  '物流很快',
  '客服很耐心',
  '颜色很正没有色差',
  '尺码标准',
  '性价比很高',
  '包装很严实',
  '面料舒服',
  '一点也不起球',
  '发货速度快',
  '味道不错很新鲜',
];
const COMPLAINTS = [
  '穿了两次就起球了',
  '洗一次就掉色',
  '色差太大了',
  '尺码偏小一码',
  '物流太慢了等了一个星期',
  '快递盒子压坏了',
  '少发了一件',
  '发错颜色了',
  '客服态度很差',
  '退款拖着不处理',
  '价格有点贵',
  '刚买就降价了',
  '有股刺鼻的味道',
  '线头很多做工粗糙',
  '和图片不一样',
];
const TURNS = ['，但是', '，就是', '，不过', '。'];
const CLOSERS = ['', '，推荐购买！', '，还会回购', '，差评', '，不会再买了', '😊', '👍', '，失望'];

const rng = mulberry32;

function generate(count: number, seed = 42): { key: string; text: string; at: number }[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const kind = r();
    let text: string;
    if (kind < 0.05) text = '此用户没有填写评价';
    else if (kind < 0.5) text = pick(OPENERS) + pick(PRAISE) + '，' + pick(PRAISE) + pick(CLOSERS);
    else if (kind < 0.8) text = pick(OPENERS) + pick(PRAISE) + pick(TURNS) + pick(COMPLAINTS) + pick(CLOSERS);
    else text = pick(OPENERS) + pick(COMPLAINTS) + '，' + pick(COMPLAINTS) + pick(CLOSERS);
    return { key: `bench:${i}`, text, at: start + Math.floor(r() * 60 * DAY_MS) };
  });
}

interface Run {
  ms: number;
  /** Process CPU time (user + system): less sensitive than wall time to other load on the machine. */
  cpuMs: number;
  analyzeMs: number;
  clusterMs: number;
  dedupeMs: number;
  groups: number;
  clusters: number;
}

function runOnce(reviews: ReturnType<typeof generate>): Run {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const items: ClusterItem[] = reviews.map((rv) => ({
    key: rv.key,
    at: rv.at,
    hits: analyzeText(rv.text).hits,
  }));
  const t1 = performance.now();
  const from = Date.UTC(2026, 1, 1);
  const clusters = clusterNegatives(items, { from, to: from + 30 * DAY_MS, minSupport: 3 });
  const t2 = performance.now();
  const groups = nearDuplicateGroups(reviews, { exactLimit: 1500 });
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  return {
    ms: t3 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    analyzeMs: t1 - t0,
    clusterMs: t2 - t1,
    dedupeMs: t3 - t2,
    groups: groups.length,
    clusters: clusters.length,
  };
}

const count = Number(process.argv[2] ?? 60_000);
const reviews = generate(count);
const runs = [runOnce(reviews), runOnce(reviews), runOnce(reviews)];
const mid = [...runs].sort((a, b) => a.ms - b.ms)[1] ?? runs[0];
const median = Math.round(mid?.ms ?? 0);
console.log(
  `text bench: ${count} reviews, runs ${runs.map((x) => Math.round(x.ms)).join(' / ')} ms, median ${median} ms`,
);
console.log(
  `  median run: categorize ${Math.round(mid?.analyzeMs ?? 0)} ms, cluster ${Math.round(mid?.clusterMs ?? 0)} ms, near-duplicates ${Math.round(mid?.dedupeMs ?? 0)} ms`,
);
console.log(`  ${mid?.clusters} clusters, ${mid?.groups} near-duplicate groups`);
const cpuMedian = Math.round([...runs].map((x) => x.cpuMs).sort((a, b) => a - b)[1] ?? 0);
console.log(`  median CPU time ${cpuMedian} ms (wall time includes waiting for other processes)`);
console.log(
  JSON.stringify({
    bench: 'text',
    reviews: count,
    ms: median,
    cpuMs: cpuMedian,
    runs: runs.map((x) => Math.round(x.ms)),
  }),
);
