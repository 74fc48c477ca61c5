/** Snoozes an alert for a day. The messaging code loads on the click, not with a page's first paint. */
export const snoozeAlert = (alertKey: string): void =>
  void import('@/lib/messaging')
    .then((m) => m.sendMessage('ui-bg/snooze-alert', { key: alertKey, hours: 24 }))
    .catch(() => undefined);
