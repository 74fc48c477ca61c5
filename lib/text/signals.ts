/**
 * Coercion and contact-diversion signals in free text, matched on the aggressive normalization
 * (`normalizeForMatch`) so "加 V", "+ｖ", "薇信", "１３８ ００１３ ８０００", "壹叁捌…" are caught. Shared by
 * suspicious-review detection and the reply compliance check.
 */
import { normalizeForMatch, originalSpan } from './normalize';

export interface SignalMatch {
  /** Pattern id, e.g. `threat-if-not`, `wechat`, `phone`. */
  pattern: string;
  /** Original text of the match. */
  text: string;
  start: number;
  end: number;
}

interface SignalPattern {
  id: string;
  re: RegExp;
}

const THREAT = '(?:差评|投诉|曝光|举报|12315|工商|消协|打官司|起诉|找平台|维权|发抖音|发视频|挂你|挂到网上)';
const STOP = '[^。！？!?]';

/** Buyer coercion: "不退款就差评", "不给赔偿就投诉/曝光", "否则12315", "赔我100就改好评". */
export const COERCION_PATTERNS: readonly SignalPattern[] = [
  {
    id: 'threat-if-not',
    re: new RegExp(
      `(?:不|没|别)${STOP}{0,10}?(?:就|我就|立马|马上|那就|直接|立刻)${STOP}{0,4}?(?<!不)${THREAT}`,
      'g',
    ),
  },
  { id: 'threat-otherwise', re: new RegExp(`(?:否则|不然|要不然|要么)${STOP}{0,8}?(?<!不)${THREAT}`, 'g') },
  {
    id: 'pay-for-review',
    re: new RegExp(
      `(?:给|赔|补偿|退)${STOP}{0,8}?(?:就|才)(?:给|改|删|追加)?(?:好评|5星|改评|删评|删除|撤)`,
      'g',
    ),
  },
];

/** Off-platform contact: WeChat/QQ/phone mentions and numbers, with the usual evasions. */
export const CONTACT_PATTERNS: readonly SignalPattern[] = [
  { id: 'add-contact', re: /加(?:我)?(?:v(?![a-z])|vx|wx|微|q(?![a-z弹])|qq|扣扣|企鹅|好友|个人号)/g },
  { id: 'wechat', re: /(?:微信|微x|v信|vx(?![a-z])|wx(?![a-z])|威xin|wei信)/g },
  { id: 'qq', re: /(?:qq|扣扣|企鹅号|q号)(?:号)?[:：]?[0-9]{0,12}/g },
  { id: 'contact-id', re: /(?:v|vx|wx|微信|微|qq|q)[:：][a-z0-9_]{5,20}/g },
  { id: 'phone', re: /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g },
  { id: 'landline', re: /(?<![0-9])(?:0[0-9]{2,3}[0-9]{7,8}|400[0-9]{7})(?![0-9])/g },
  { id: 'private-chat', re: /(?:私聊|私信我|私我|联系我(?!们)|找我(?!们))/g },
];

function run(patterns: readonly SignalPattern[], text: string): SignalMatch[] {
  const n = normalizeForMatch(text);
  const out: SignalMatch[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (const m of n.text.matchAll(p.re)) {
      if (m[0].length === 0) continue;
      const span = originalSpan(n, m.index, m.index + m[0].length);
      if (out.some((o) => o.start < span.end && span.start < o.end)) continue;
      out.push({ pattern: p.id, text: text.slice(span.start, span.end), ...span });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Threats tied to a demand in `text`. */
export function detectCoercion(text: string): SignalMatch[] {
  return run(COERCION_PATTERNS, text);
}

/** Off-platform contact details or invitations in `text`. */
export function detectContact(text: string): SignalMatch[] {
  return run(CONTACT_PATTERNS, text);
}
