import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import { listStores, pickStore } from '@/lib/queries';
import { selectedStoreItem } from '@/lib/settings';
import { useLive, useStorageItem } from './hooks';

/** The stores, the one the merchant picked (or the latest), and a setter shared by popup and panel. */
export function useCurrentStore(): {
  stores?: Store[];
  store?: Store;
  select: (key: string) => void;
  loading: boolean;
  error?: unknown;
} {
  const stores = useLive(() => listStores(getDb()), []);
  const [selected, setSelected] = useStorageItem(selectedStoreItem);
  return {
    stores: stores.data,
    store: stores.data ? pickStore(stores.data, selected) : undefined,
    select: (key) => void setSelected(key),
    loading: stores.loading,
    error: stores.error,
  };
}
