/**
 * Seeded, property-style mutations of console responses for the bad-input suites (issue #8). Each case
 * is one mutation of one clean fixture, so whatever changes in storage is attributable to it. Test-only:
 * nothing here ships.
 */
import { rng } from '../export/testing';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Path = (string | number)[];

export const MUTATIONS = [
  'wrong_type',
  'missing_field',
  'extra_field',
  'huge_string',
  'deep_nesting',
  'time_unit',
  'duplicate_row',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface Case {
  mutation: Mutation;
  /** Where the mutation applied (for the failure message). */
  path: Path;
  body: Json;
}

/** Every node path below the root (iterative: fixtures may be deep after a mutation). */
export function paths(root: Json): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[root, []]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (p.length) out.push(p);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push([c, [...p, i]]));
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) stack.push([c, [...p, k]]);
  }
  return out.reverse();
}

export function getAt(root: Json, p: Path): Json | undefined {
  let v: Json | undefined = root;
  for (const k of p) v = v && typeof v === 'object' ? (v as Record<string | number, Json>)[k] : undefined;
  return v;
}

function parentOf(root: Json, p: Path): Record<string | number, Json> {
  return getAt(root, p.slice(0, -1)) as Record<string | number, Json>;
}

const typeOf = (v: Json | undefined) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Values of every JSON type; `wrong_type` picks one whose type differs from the original. */
const POOL: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e21,
  '',
  '差评',
  '0',
  '１２３',
  [],
  [1, 2],
  {},
  { id: 1 },
];

function deep(depth: number): Json {
  let v: Json = '底';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { n: v };
  return v;
}

const isTimeKey = (k: string) => /time|date|stamp/i.test(k) || /_at$|At$|_ts$/.test(k);

/** `count` mutated copies of `fixture`, deterministic for a seed. */
export function cases(fixture: Json, seed: number, count: number): Case[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Case[] = [];
  for (let n = 0; out.length < count && n < count * 20; n++) {
    const mutation = MUTATIONS[n % MUTATIONS.length]!;
    const body = structuredClone(fixture);
    const all = paths(body);
    const leaves = all.filter((p) => {
      const v = getAt(body, p);
      return v === null || typeof v !== 'object';
    });
    let path: Path | undefined;
    switch (mutation) {
      case 'wrong_type': {
        path = leaves.length ? pick(leaves) : undefined;
        if (!path) break;
        const was = typeOf(getAt(body, path));
        parentOf(body, path)[path.at(-1)!] = pick(POOL.filter((x) => typeOf(x) !== was));
        break;
      }
      case 'missing_field': {
        path = pick(all.filter((p) => typeof p.at(-1) === 'string'));
        if (path) delete parentOf(body, path)[path.at(-1)!];
        break;
      }
      case 'extra_field': {
        const objs = [[] as Path, ...all].filter((p) => typeOf(getAt(body, p)) === 'object');
        const at = pick(objs);
        const key = pick(['__proto__', 'constructor', 'toString', 'data', 'code', `x_${n}`]);
        (getAt(body, at) as Record<string, Json>)[key] = pick(POOL);
        path = [...at, key];
        break;
      }
      case 'huge_string': {
        path = pick(leaves.filter((p) => typeof getAt(body, p) === 'string'));
        // 300k characters: past every field cap, under the hook's body limit.
        if (path) parentOf(body, path)[path.at(-1)!] = pick(['A', '差', '\u202E', '<']).repeat(300_000);
        break;
      }
      case 'deep_nesting': {
        path = leaves.length ? pick(leaves) : undefined;
        if (path) parentOf(body, path)[path.at(-1)!] = deep(3000);
        break;
      }
      case 'time_unit': {
        const times = leaves.filter((p) => {
          const v = getAt(body, p);
          return isTimeKey(String(p.at(-1))) && (typeof v === 'number' ? v > 0 : /^\d{9,}$/.test(String(v)));
        });
        path = times.length ? pick(times) : undefined;
        if (!path) break;
        const v = Number(getAt(body, path));
        // Seconds where ms are expected or the other way round, as a number or a numeric string.
        const moved = r() < 0.5 ? v * 1000 : Math.round(v / 1000);
        parentOf(body, path)[path.at(-1)!] = typeof getAt(body, path) === 'string' ? String(moved) : moved;
        break;
      }
      case 'duplicate_row': {
        const lists = [[] as Path, ...all].filter((p) => {
          const v = getAt(body, p);
          return Array.isArray(v) && v.length > 0 && typeOf(v[0]) === 'object';
        });
        path = lists.length ? pick(lists) : undefined;
        if (!path) break;
        const list = getAt(body, path) as Json[];
        list.push(structuredClone(pick(list)));
        break;
      }
    }
    if (path) out.push({ mutation, path, body });
  }
  return out;
}

/** A prefix of `text` cut somewhere inside (never the whole text, never empty). */
export function truncate(text: string, seed: number): string {
  const r = rng(seed);
  return text.slice(0, 1 + Math.floor(r() * (text.length - 1)));
}
