import type { Store } from '@/lib/model';
import { LazyDataPanel } from '../data/LazyDataPanel';

/** 数据: export (CSV/XLSX/JSON), platform-file import, restore and storage. Works before any capture. */
export function DataTab(props: { store?: Store }) {
  return (
    <div data-testid="data-tab">
      <LazyDataPanel store={props.store} withImport />
    </div>
  );
}
