import { LazyDataPanel } from '../data/LazyDataPanel';

/** Options page: the same backup, restore and storage controls as the side panel's 数据 tab. */
export function DataSection() {
  return (
    <div data-testid="data-section">
      <LazyDataPanel />
    </div>
  );
}
