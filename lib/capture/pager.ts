/**
 * Finding the console's own "next page" control without relying on hashed class names: by its text
 * (下一页), its accessible name, or the pagination markup most consoles share (Ant Design / Arco / Semi
 * `…pagination-next`). [G] per console; the demo consoles and fixtures cover the text variant.
 */
const LABELS = new Set(['下一页', '下页', 'next', 'next page', '>', '›']);

function disabled(el: Element): boolean {
  const chain = [el, el.parentElement].filter((e): e is HTMLElement => !!e);
  return chain.some(
    (e) =>
      (e as HTMLButtonElement).disabled === true ||
      e.getAttribute('aria-disabled') === 'true' ||
      /(^|[-_\s])disabled($|[-_\s])/i.test(e.className || ''),
  );
}

function label(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '')
    .trim()
    .toLowerCase();
}

/** The enabled next-page control, or null when there is none (last page) or it is disabled. */
export function findNextControl(doc: Document): HTMLElement | null {
  const byText = Array.from(doc.querySelectorAll<HTMLElement>('button, a, li, [role="button"]')).filter(
    (el) => LABELS.has(label(el)),
  );
  const byClass = Array.from(
    doc.querySelectorAll<HTMLElement>('[class*="pagination-next"], [class*="pager-next"]'),
  );
  // Prefer the innermost match (a <button> inside an <li>), and only visible controls.
  const all = [...byText, ...byClass].filter(
    (el) => !Array.from(el.querySelectorAll('*')).some((c) => byText.includes(c as HTMLElement)),
  );
  for (const el of all) {
    if (el.closest('#koubei-overlay-host')) continue;
    if (disabled(el)) return null;
    return el;
  }
  return null;
}
