import type { Store } from '@/lib/model';
import { getDb } from '@/lib/db';
import { listStores } from '@/lib/queries';
import { ExportCard } from '../data/ExportCard';
import { ImportCard } from '../data/ImportCard';
import { RestoreCard } from '../data/RestoreCard';
import { StoragePanel } from '../data/StoragePanel';
import { useLive } from '../hooks';

/** 数据: export (CSV/XLSX/JSON), platform-file import, restore and storage. Works before any capture. */
export function DataTab(props: { store?: Store }) {
  const stores = useLive(() => listStores(getDb()), []);
  const list = stores.data ?? [];
  return (
    <div class="stack" data-testid="data-tab">
      <ExportCard store={props.store} stores={list} />
      <ImportCard stores={list} current={props.store} />
      <RestoreCard />
      <StoragePanel />
    </div>
  );
}
