/**
 * Aspects (what an evaluation word is about) and category praise (whose negation is a complaint).
 */
import type { TopicCategory } from './types';

/**
 * Aspect words: the thing an evaluation word ("慢", "差", "一般") talks about. `topic` names the negative
 * cluster; `slowTopic` is used when the evaluation is about speed.
 */
export interface AspectDef {
  category: TopicCategory;
  topic: string;
  slowTopic?: string;
  words: string[];
}

export const ASPECTS: readonly AspectDef[] = [
  {
    category: 'quality',
    topic: '质量差',
    words: [
      '质量',
      '品质',
      '做工',
      '用料',
      '面料',
      '布料',
      '手感',
      '材质',
      '效果',
      '音质',
      '续航',
      '电池',
      '味道',
      '口感',
      '东西',
      '商品',
      '产品',
      '宝贝',
      '衣服',
      '裤子',
      '鞋子',
      '鞋底',
      '拉链',
    ],
  },
  {
    category: 'mismatch',
    topic: '与描述不符',
    words: ['描述', '图片', '实物', '详情页', '详情', '宣传', '主图', '照片', '模特图', '试色图'],
  },
  { category: 'mismatch', topic: '色差', words: ['颜色'] },
  {
    category: 'mismatch',
    topic: '尺码不符',
    words: ['尺码', '码数', '码子', '鞋码', '尺寸', '大小', '长度', '腰围', '头围', '袖子', '尺码表'],
  },
  {
    category: 'logistics',
    topic: '派送问题',
    words: ['快递员', '派送员', '快递小哥', '配送员', '送货员', '司机'],
  },
  {
    category: 'logistics',
    topic: '物流差',
    slowTopic: '物流慢',
    words: [
      '物流',
      '快递',
      '发货',
      '送货',
      '配送',
      '到货',
      '派送',
      '运输',
      '包装',
      '外包装',
      '申通',
      '中通',
      '圆通',
      '韵达',
      '极兔',
      '顺丰',
      '邮政',
    ],
  },
  {
    category: 'service',
    topic: '服务差',
    slowTopic: '回复慢',
    words: ['客服', '卖家', '商家', '售后', '服务', '态度', '掌柜', '店家', '老板', '回复', '回消息'],
  },
  {
    category: 'price',
    topic: '价格贵',
    words: ['价格', '价钱', '性价比', '价位', '运费', '安装费', '材料费', '配件费', '手续费'],
  },
];

/** Praise terms that belong to a category; negated, they become a complaint of that topic. */
export const CATEGORY_PRAISE: readonly { category: TopicCategory; topic: string; words: string[] }[] = [
  {
    category: 'quality',
    topic: '质量差',
    words: [
      '耐用',
      '结实',
      '厚实',
      '精致',
      '精细',
      '做工好',
      '质量好',
      '质量很好',
      '质量不错',
      '好用',
      '新鲜',
      '舒服',
      '舒适',
      '柔软',
      '亲肤',
      '不扎',
      '保暖',
      '暖和',
    ],
  },
  {
    category: 'mismatch',
    topic: '与描述不符',
    words: [
      '正品',
      '和描述一样',
      '和描述的一样',
      '跟图片一样',
      '和图片一样',
      '一模一样',
      '合身',
      '合适',
      '尺码标准',
      '尺码很准',
      '码数正常',
      '颜色很正',
      '颜色也正',
      '真的',
    ],
  },
  {
    category: 'logistics',
    topic: '物流慢',
    words: ['隔天达', '次日达', '神速', '包装严实', '严实', '送货上门', '完好'],
  },
  {
    category: 'service',
    topic: '服务差',
    words: ['耐心', '热情', '贴心', '周到', '专业', '有问必答', '负责'],
  },
  {
    category: 'price',
    topic: '价格贵',
    words: ['便宜', '实惠', '划算', '超值', '物美价廉', '性价比高', '性价比很高', '值得', '很值'],
  },
];
