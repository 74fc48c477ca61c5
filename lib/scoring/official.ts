/** Matching a profile indicator to the indicators of a captured OfficialScore. */
import type { OfficialScore } from '../model';
import type { IndicatorDef } from './profile-types';

/**
 * The official value/score of `def`, matched by id or name (exact first, then containment). Rates
 * reported as percentages (e.g. 92.5) are turned into fractions [G: consoles differ].
 */
export function officialIndicator(
  def: IndicatorDef,
  official: OfficialScore | undefined,
): { value: number | null; score: number | null } | undefined {
  if (!official) return undefined;
  const names = [def.name, ...(def.officialNames ?? [])];
  const list = official.indicators;
  const hit =
    list.find((x) => names.includes(x.name) || names.includes(x.id)) ??
    list.find((x) => names.some((n) => n.length >= 4 && (x.name.includes(n) || n.includes(x.name))));
  if (!hit) return undefined;
  let value = hit.value;
  if (value !== null && def.unit === '%' && (value > 1 || hit.unit === '%')) value = value / 100;
  return { value, score: hit.score ?? null };
}
