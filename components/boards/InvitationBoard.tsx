/** 评价引导: 评价率, 追评率, 晒图率 and default-praise share per week and product, before/after a marked day. */
import { useMemo, useState } from 'preact/hooks';
import { invitationBoard, type InvitationCell } from '@/lib/boards/invitation';
import { boardMarks } from '@/lib/boards/marks';
import { INVITATION_GUIDE } from '@/lib/boards/standards';
import type { Order, Review, Store } from '@/lib/model';
import { useStorageItem } from '../hooks';
import { pct } from './useBoardData';

const COLS: [keyof InvitationCell, string][] = [
  ['reviewRate', '评价率'],
  ['appendRate', '追评率'],
  ['mediaRate', '晒图率'],
  ['defaultShare', '默认好评'],
];

function Cells({ c }: { c: InvitationCell }) {
  return (
    <>
      <td class="num">{c.signed}</td>
      {COLS.map(([k]) => (
        <td class="num" key={k} data-col={k}>
          {pct(c[k] as number | undefined)}
        </td>
      ))}
    </>
  );
}

const Head = ({ first }: { first: string }) => (
  <thead>
    <tr>
      <th>{first}</th>
      <th class="num">签收</th>
      {COLS.map(([k, label]) => (
        <th class="num" key={k}>
          {label}
        </th>
      ))}
    </tr>
  </thead>
);

export function InvitationBoardView(props: {
  store: Store;
  orders: readonly Order[];
  reviews: readonly Review[];
  now: number;
}) {
  const [marks, setMarks] = useStorageItem(boardMarks);
  const mark = marks?.[props.store.key];
  const [product, setProduct] = useState<string>('');
  const [draft, setDraft] = useState({ day: '', note: '开始附赠使用指南' });
  const board = useMemo(
    () =>
      invitationBoard(props.orders, props.reviews, {
        now: props.now,
        mark: mark?.day,
        productId: product || undefined,
      }),
    [props.orders, props.reviews, props.now, mark?.day, product],
  );
  const saveMark = (m: { day: string; note: string } | undefined) => {
    const next = { ...(marks ?? {}) };
    if (m) next[props.store.key] = m;
    else delete next[props.store.key];
    void setMarks(next);
  };
  const weeks = product ? (board.productWeeks ?? []) : board.weeks;
  return (
    <div class="stack" data-testid="invitation-board">
      <div class="card muted note">
        运营指南的效果：主动评价率 {pct(INVITATION_GUIDE.reviewRateBefore, 0)} →{' '}
        {pct(INVITATION_GUIDE.reviewRateAfter, 0)}，追评率 +{pct(INVITATION_GUIDE.appendGain, 0)}，晒图率 +
        {pct(INVITATION_GUIDE.photoGain, 0)}。评价率 = 买家自己写的评价 ÷ 签收订单。
      </div>
      <div class="card">
        {mark ? (
          <div class="row" data-testid="invitation-mark" data-day={mark.day}>
            <span>
              标记日：<b>{mark.day}</b> {mark.note}
            </span>
            <button onClick={() => saveMark(undefined)}>清除</button>
          </div>
        ) : (
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (/^\d{4}-\d{2}-\d{2}$/.test(draft.day)) saveMark(draft);
            }}
          >
            <label>
              标记日{' '}
              <input
                type="date"
                data-testid="mark-day"
                value={draft.day}
                onInput={(e) => setDraft({ ...draft, day: e.currentTarget.value })}
              />
            </label>
            <input
              value={draft.note}
              aria-label="说明"
              onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value.slice(0, 40) })}
            />
            <button class="primary" type="submit">
              标记
            </button>
          </form>
        )}
      </div>
      {board.compare && (
        <table class="grid" data-testid="invitation-compare">
          <Head first={`前后各 ${board.compare.days} 天`} />
          <tbody>
            <tr data-side="before">
              <td>标记前</td>
              <Cells c={board.compare.before} />
            </tr>
            <tr data-side="after">
              <td>标记后</td>
              <Cells c={board.compare.after} />
            </tr>
          </tbody>
        </table>
      )}
      <label>
        商品{' '}
        <select
          value={product}
          onChange={(e) => setProduct(e.currentTarget.value)}
          data-testid="invitation-product"
        >
          <option value="">全部商品</option>
          {board.products.slice(0, 100).map((p) => (
            <option key={p.productId} value={p.productId}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <table class="grid" data-testid="invitation-weeks">
        <Head first="周（周一起）" />
        <tbody>
          {weeks
            .slice(-12)
            .reverse()
            .map((w) => (
              <tr key={w.week} data-week={w.week}>
                <td>{w.week}</td>
                <Cells c={w.cell} />
              </tr>
            ))}
        </tbody>
      </table>
      {!product && (
        <table class="grid" data-testid="invitation-products">
          <Head first="商品" />
          <tbody>
            {board.products.slice(0, 30).map((p) => (
              <tr key={p.productId} data-product={p.productId}>
                <td>{p.name}</td>
                <Cells c={p.cell} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
