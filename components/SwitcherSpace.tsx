/**
 * An invisible stand-in of the store switcher, same height, while the real one (its platform names and
 * store list) has not loaded: the header keeps its height and nothing below moves (issue #15).
 */
export function SwitcherSpace() {
  return (
    <select aria-hidden="true" tabIndex={-1} disabled style="visibility:hidden">
      <option>店铺</option>
    </select>
  );
}
