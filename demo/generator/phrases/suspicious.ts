/**
 * Texts for the suspicious-review detectors: templated praise bursts (near-duplicates), coercion and
 * off-platform diversion. HOSTILE texts exist only for robustness tests and are used only with
 * `opts.hostile === true`.
 */

/** Near-duplicate praise: a template with small swaps, posted in a burst on one product. */
export const TEMPLATE_BASES: readonly string[] = [
  '宝贝收到了，质量非常好，{a}，物流也很快，五星好评！',
  '非常满意的一次购物，{a}，客服态度也好，推荐大家购买！',
  '东西很好，{a}，包装精美，性价比超高，强烈推荐！',
];
export const TEMPLATE_SWAPS: readonly string[] = [
  '做工精细',
  '面料舒服',
  '和描述一致',
  '物超所值',
  '质量杠杠的',
  '款式好看',
];

/** Buyers threatening a bad review to force a refund. */
export const COERCION: readonly string[] = [
  '不退款就差评，你们自己看着办',
  '不给我退款我就一直差评，还要去投诉',
  '赔我五十块钱我就改好评，不然差评到底',
  '不给补偿就给你们刷差评',
];

/** Diversion to off-platform contact (spam or scam). */
export const DIVERSION: readonly string[] = [
  '加V了解更多优惠，vx：abc12345',
  '想要同款便宜的加微信 wx88866',
  '有需要的加我微信，给你内部价',
  '这家不行，加V找我拿货，比这便宜一半',
];

/** Hostile strings for renderer robustness tests (never produced unless `hostile: true`). */
export const HOSTILE: readonly string[] = [
  '<img src=x onerror=alert(1)>质量不错',
  '<script>alert("xss")</script>物流很快',
  '\u202E评好 差评\u202C',
  '好\u200B评\u200B返\u200B现',
  '"><svg onload=alert(1)>',
  '=HYPERLINK("http://127.0.0.1","点我")',
];
