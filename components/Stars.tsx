/** Five stars with the value as text for screen readers and tests. */
export function Stars(props: { value?: number; label?: string }) {
  if (props.value === undefined) return <span class="muted">—</span>;
  const v = props.value;
  return (
    <span class="stars" title={`${props.label ?? ''}${v}星`} aria-label={`${props.label ?? ''}${v}星`}>
      {'★'.repeat(v)}
      <span class="off">{'★'.repeat(5 - v)}</span>
    </span>
  );
}
