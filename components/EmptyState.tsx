import { ADAPTERS } from '@/lib/platforms/index';

/** What to do when nothing is stored yet: open a console page (links open in a new tab). */
export function EmptyState() {
  return (
    <div class="empty">
      <h3>还没有采集到数据</h3>
      <p>
        打开抖店评价管理页面以开始采集。浏览控制台页面时，口碑助手会自动保存页面已加载的评价、订单和体验分。
      </p>
      <p class="muted" style="font-size:11px">
        No data yet — open your store console's review page to start capturing.
      </p>
      <div class="stack" style="margin-top:12px">
        {ADAPTERS.map((a) => (
          <div key={a.id} class="row" style="justify-content:center;flex-wrap:wrap">
            <b>{a.name}</b>
            {a.startPages.map((p) => (
              <a key={p.url} class="btn" href={p.url} target="_blank" rel="noreferrer">
                {p.label}
              </a>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
