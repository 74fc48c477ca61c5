import { useState } from 'preact/hooks';
import type { Order, Review } from '@/lib/model';
import type { RecordRef } from '@/lib/scoring/diagnosis-types';
import './score.css';

const SHOWN = 8;

function Item(props: { r: RecordRef; rec?: Review | Order }) {
  const { r, rec } = props;
  const text =
    rec && 'reviewId' in rec
      ? `${rec.star ?? rec.starProduct ?? '?'}★ ${rec.text || '（无文字）'}`
      : rec
        ? `订单 ${rec.orderId}${rec.items[0]?.productName ? ` · ${rec.items[0].productName}` : ''}`
        : r.key.split('|').pop();
  return (
    <li data-key={r.key} data-kind={r.kind}>
      <span class="muted">{r.phraseDay.slice(5) || r.day.slice(5)}</span>
      <span class="text" title={text}>
        {text}
      </span>
      <span class={r.points > 0.0005 ? 'lost' : 'muted'}>
        {r.points > 0.0005 ? `−${r.points.toFixed(3)}` : '—'}
      </span>
    </li>
  );
}

function Group(props: { phrase: string; list: RecordRef[]; byKey: Map<string, Review | Order> }) {
  const [all, setAll] = useState(false);
  const { list } = props;
  const orders = list.filter((r) => r.kind === 'order').length;
  const unit = orders === list.length ? '单' : '条';
  const points = list.reduce((s, r) => s + r.points, 0);
  return (
    <div data-group={props.phrase} data-count={list.length}>
      <div class="spread" style="margin-top:6px">
        <b>
          {props.phrase} · {list.length} {unit}
        </b>
        <span class="muted">合计 −{points.toFixed(2)} 分</span>
      </div>
      <ul class="records">
        {(all ? list : list.slice(0, SHOWN)).map((r) => (
          <Item key={r.key} r={r} rec={props.byKey.get(r.key)} />
        ))}
      </ul>
      {list.length > SHOWN && (
        <button style="margin-top:4px" onClick={() => setAll(!all)} data-expand={props.phrase}>
          {all ? '收起' : `展开全部 ${list.length} ${unit}`}
        </button>
      )}
    </div>
  );
}

/** Records behind a cause, grouped by what went wrong ("发货超时", "物流 1 星差评"), costliest first. */
export function RecordGroups(props: { records: readonly RecordRef[]; byKey: Map<string, Review | Order> }) {
  const groups = new Map<string, RecordRef[]>();
  for (const r of props.records) groups.set(r.phrase, [...(groups.get(r.phrase) ?? []), r]);
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  for (const [, list] of sorted) list.sort((a, b) => b.points - a.points || a.day.localeCompare(b.day));
  return (
    <div>
      {sorted.map(([phrase, list]) => (
        <Group key={phrase} phrase={phrase} list={list} byKey={props.byKey} />
      ))}
    </div>
  );
}
