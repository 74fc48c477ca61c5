/** Chinese labels of reply categories and severities (options editor and preview). */
import type { ReplyCategory, TemplateSeverity } from '@/lib/replies/types';

export const REPLY_CATEGORY_LABEL: Record<ReplyCategory, string> = {
  quality: '质量问题',
  mismatch: '描述不符',
  logistics: '物流',
  service: '服务',
  price: '价格',
  other: '其他差评',
  positive: '好评感谢',
};

export const SEVERITY_LABEL: Record<TemplateSeverity, string> = {
  severe: '严重（1★）',
  moderate: '一般（2★）',
  mild: '轻微（3★ 或好评里的问题）',
  any: '通用',
};
