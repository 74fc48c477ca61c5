/**
 * 可疑评价: every flagged review of the store with its evidence, strongest first, and an appeal pack
 * for the platform's appeal form. Flags are computed in the background (lib/background/reviews-flags.ts)
 * and refreshed when this view opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { Review, Store } from '@/lib/model';
import { isNegative } from '@/lib/queries';
import type { ReviewFlagRow } from '@/lib/replies/store';
import { shortTime } from '../format';
import { Stars } from '../Stars';
import { useLive } from '../hooks';
import { AppealPack } from './AppealPack';

/** Strongest grounds first (as the appeal pack orders them): a threat or an ad is easiest to prove. */
const PRIORITY: Record<ReviewFlagRow['code'], number> = {
  coercion: 5,
  contact_diversion: 4,
  no_order: 3,
  burst: 2,
  templated: 1,
};
const RANK = { high: 0.2, medium: 0.1, low: 0 } as const;
const CODE_LABEL: Record<ReviewFlagRow['code'], string> = {
  coercion: '要挟',
  contact_diversion: '站外引流',
  no_order: '无对应订单',
  templated: '模板雷同',
  burst: '集中刷评',
};

interface Item {
  review: Review;
  flags: ReviewFlagRow[];
  rank: number;
  negative: boolean;
}

const VIEWS = [
  [true, '中差评（可申诉）'],
  [false, '好评（疑似刷评，请自查）'],
] as const;

function FlaggedReview({ item }: { item: Item }) {
  const [open, setOpen] = useState(false);
  const r = item.review;
  return (
    <li data-testid="suspicious-item" data-review-key={r.key}>
      <div class="spread">
        <div class="row" style="flex-wrap:wrap;gap:4px">
          {item.flags.map((f) => (
            <span key={f.code} class={`tag ${f.severity === 'high' ? 'bad' : 'warn'}`}>
              {CODE_LABEL[f.code]}
            </span>
          ))}
          <Stars value={r.starProduct ?? r.star} />
        </div>
        <span class="muted">{shortTime(r.createdAt)}</span>
      </div>
      <div class="text" style="margin-top:6px">
        {r.text || <span class="muted">（未填写文字）</span>}
      </div>
      <ul style="margin:4px 0;padding-left:18px;font-size:12px">
        {item.flags.map((f) => (
          <li key={f.code}>{f.message}</li>
        ))}
      </ul>
      {item.negative && (
        <button onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '收起申诉材料' : '生成申诉材料'}
        </button>
      )}
      {open && <AppealPack review={r} flags={item.flags} />}
    </li>
  );
}

export function SuspiciousView({ store }: { store: Store }) {
  const [state, setState] = useState('正在检查…');
  useEffect(() => {
    sendMessage('ui-bg/refresh-flags', { storeKey: store.key })
      .then((r) => setState(`近 180 天的评价已检查（${r.flags} 个可疑标记）`))
      .catch((e: unknown) => setState(`检查失败：${String(e)}`));
  }, [store.key]);
  const live = useLive(async (): Promise<Item[]> => {
    const db = getDb();
    const flags = await db.reviewFlags.where('storeKey').equals(store.key).toArray();
    const byReview = new Map<string, ReviewFlagRow[]>();
    for (const f of flags) byReview.set(f.reviewKey, [...(byReview.get(f.reviewKey) ?? []), f]);
    const reviews = await db.reviews.bulkGet([...byReview.keys()]);
    return reviews
      .filter((r): r is Review => !!r)
      .map((review) => {
        const fs = (byReview.get(review.key) ?? []).sort((a, b) => PRIORITY[b.code] - PRIORITY[a.code]);
        const rank = Math.max(...fs.map((f) => PRIORITY[f.code] + RANK[f.severity]));
        return { review, flags: fs, rank, negative: isNegative(review) };
      })
      .sort((a, b) => b.rank - a.rank || b.review.createdAt - a.review.createdAt);
  }, [store.key]);
  const [negative, setNegative] = useState(true);
  const shown = live.data?.filter((i) => i.negative === negative);
  return (
    <div class="stack" data-testid="suspicious">
      <div class="muted" style="font-size:12px">
        {state}
      </div>
      <div class="row">
        {VIEWS.map(([neg, label]) => (
          <button key={label} class={neg === negative ? 'primary' : ''} onClick={() => setNegative(neg)}>
            {label} {live.data?.filter((i) => i.negative === neg).length ?? ''}
          </button>
        ))}
      </div>
      {!shown ? (
        <div class="muted">加载中…</div>
      ) : shown.length === 0 ? (
        <div class="empty">没有发现可疑评价。</div>
      ) : (
        <ul class="list">
          {shown.slice(0, 100).map((item) => (
            <FlaggedReview key={item.review.key} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
