import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import { listStores } from '@/lib/queries';
import { useLive } from '../hooks';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { RestoreCard } from './RestoreCard';
import { StoragePanel } from './StoragePanel';

/** The 数据 controls: export, (import), restore, storage. Loaded on demand by DataTab / DataSection. */
export function DataPanel(props: { store?: Store; withImport?: boolean }) {
  const stores = useLive(() => listStores(getDb()), []);
  const list = stores.data ?? [];
  return (
    <div class="stack">
      <ExportCard store={props.store} stores={list} />
      {props.withImport && <ImportCard stores={list} current={props.store} />}
      <RestoreCard />
      <StoragePanel />
    </div>
  );
}
