/** A row of buttons acting as tabs (the side panel's sub-views: 洞察, 运营看板). */
export function SegmentedTabs<T extends string>(props: {
  items: readonly (readonly [T, string])[];
  value: T;
  onChange: (v: T) => void;
  label?: string;
}) {
  return (
    <div class="row segmented" role="tablist" aria-label={props.label}>
      {props.items.map(([id, label]) => (
        <button
          key={id}
          role="tab"
          aria-selected={props.value === id}
          class={props.value === id ? 'primary' : ''}
          onClick={() => props.onChange(id)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
