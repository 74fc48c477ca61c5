/** Turns the catalogue into products with realistic ids. */
import { CATALOG } from './catalog';
import { digits } from './ids';
import type { Rng } from './prng';
import type { DemoProduct } from './types';

/** The catalogue with ids, SKUs (cartesian product of the dimensions), 商家编码 and prices. */
export function buildProducts(rng: Rng): DemoProduct[] {
  return CATALOG.map((e) => {
    const id = '36' + digits(rng, 17);
    let combos: { name: string; value: string }[][] = [[]];
    for (const [name, values] of e.dims)
      combos = combos.flatMap((c) => values.map((value) => [...c, { name, value }]));
    const skus = combos.map((spec, i) => ({
      id: '17' + digits(rng, 14),
      code: `NY${id.slice(-5)}-${String(i + 1).padStart(2, '0')}`,
      spec,
      text: spec.map((s) => `${s.name}:${s.value}`).join(';'),
      // Bigger sizes/packs cost a little more.
      priceFen: e.priceFen + (i % 3) * (e.category === 'food' ? 1000 : 0),
    }));
    return {
      id,
      name: e.name,
      short: e.short,
      category: e.category,
      priceFen: e.priceFen,
      skus,
      risk: { quality: e.quality, mismatch: e.mismatch, damage: e.damage },
    };
  });
}
