import { getDb } from '@/lib/db';
import { listStores } from '@/lib/queries';
import { ExportCard } from '../data/ExportCard';
import { RestoreCard } from '../data/RestoreCard';
import { StoragePanel } from '../data/StoragePanel';
import { useLive } from '../hooks';

/** Options page: the same backup, restore and storage controls as the side panel's 数据 tab. */
export function DataSection() {
  const stores = useLive(() => listStores(getDb()), []);
  return (
    <div class="stack" data-testid="data-section">
      <ExportCard stores={stores.data ?? []} />
      <RestoreCard />
      <StoragePanel />
    </div>
  );
}
