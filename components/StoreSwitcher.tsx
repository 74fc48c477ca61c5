import type { Store } from '@/lib/model';
import { PLATFORM_NAMES } from '@/lib/platforms/names';

/** Picks the store the views show; one store per platform account, kept apart. */
export function StoreSwitcher(props: { stores: Store[]; value?: string; onChange: (key: string) => void }) {
  if (props.stores.length === 0) return null;
  return (
    <select
      aria-label="店铺 Store"
      value={props.value}
      onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
    >
      {props.stores.map((s) => (
        <option key={s.key} value={s.key}>
          {s.provisional ? '⚠ ' : ''}
          {PLATFORM_NAMES[s.platform]} · {s.name ?? s.shopId}
        </option>
      ))}
    </select>
  );
}
