/** The toolbar badge: how many records were kept since the popup was last opened; red after a rejection. */
import { browser } from 'wxt/browser';
import { unseenErrorsItem, unseenItem } from '../settings';

export function badgeText(n: number): string {
  if (n <= 0) return '';
  if (n < 1000) return String(n);
  if (n < 10000) return `${Math.floor(n / 1000)}k+`;
  return '9k+';
}

async function paint(): Promise<void> {
  const [n, errors] = await Promise.all([unseenItem.getValue(), unseenErrorsItem.getValue()]);
  await browser.action.setBadgeText({ text: errors > 0 && n === 0 ? '!' : badgeText(n) });
  await browser.action.setBadgeBackgroundColor({ color: errors > 0 ? '#d93025' : '#1a7f37' });
}

let pending = Promise.resolve();

/** Adds to the counters; serialized so concurrent batches never lose an increment. */
export function bumpBadge(added: number, rejected: number): Promise<void> {
  pending = pending
    .then(async () => {
      if (added > 0) await unseenItem.setValue((await unseenItem.getValue()) + added);
      if (rejected > 0) await unseenErrorsItem.setValue((await unseenErrorsItem.getValue()) + rejected);
      await paint();
    })
    .catch((e: unknown) => console.warn('[koubei] badge', e));
  return pending;
}

export function clearBadge(): Promise<void> {
  pending = pending.then(async () => {
    await unseenItem.setValue(0);
    await unseenErrorsItem.setValue(0);
    await paint();
  });
  return pending;
}
