/**
 * Regular-expression complaint rules for constructions a word list cannot catch ("等了一个星期才到",
 * "穿了两次就破了", "说是纯棉，结果…"). Run on folded text; each rule names its category and topic.
 */
import type { TopicCategory } from './types';

export interface PatternRule {
  id: string;
  re: RegExp;
  category: TopicCategory;
  topic: string;
  /** Skip when the same clause holds a positive word ("比图片还好看" is praise). */
  unlessPositive?: boolean;
  /** The rule cannot match unless one of these substrings occurs: a cheap pre-filter. */
  hints: readonly string[];
}

const N = '[0-9一二两三四五六七八九十几半]+';
const UNIT = '(?:个|件|双|条|包|盒|瓶|只|颗|样|袋|支|套)';

export const PATTERN_RULES: readonly PatternRule[] = [
  {
    id: 'late-arrival',
    hints: ['才', '还没', '都没', '还不', '也没'],
    re: new RegExp(
      `(?:${N}个?(?:天|日|星期|周|礼拜|月)|第${N}天)了?(?:才|还没|都没|还不|也没)(?:到(?!手)|收到|送到|发货|发(?!现|觉)|寄出|揽收|更新)`,
      'g',
    ),
    category: 'logistics',
    topic: '物流慢',
  },
  {
    id: 'waited-days',
    hints: ['等了'],
    re: new RegExp(`等了(?:整整|足足|快|差不多)?${N}个?(?:天|星期|礼拜|周|月)`, 'g'),
    category: 'logistics',
    topic: '物流慢',
  },
  {
    id: 'prone-to',
    hints: ['容易'],
    re: /容易(?:脏|沾|坏|破|掉|起球|起皱|皱|断|裂|变形|褪色|掉色|过敏|卡|发热|发烫|漏)/g,
    category: 'quality',
    topic: '不耐用',
  },
  {
    id: 'long-transit',
    hints: ['走了', '路上', '运了', '送了', '寄了'],
    re: new RegExp(`(?:走了|路上|运了|送了|寄了)(?:整整|足足)?${N}个?(?:天|星期|礼拜|周)`, 'g'),
    category: 'logistics',
    topic: '物流慢',
  },
  {
    id: 'quick-break',
    hints: ['就', '便'],
    re: new RegExp(
      `(?:(?:用|穿|洗|戴|玩|开|拉|碰|吃)了?(?:不到|没)?${N}(?:次|天|周|个月|个?星期|回|下|遍)|一(?:洗|穿|用|碰|拉|拧|摔|泡))(?:就|便)(?!是)(?:已经)?(?:坏|破|断|裂|掉|开|起|不|没|漏|烂|散|脱|生锈|滑丝|跳闸)`,
      'g',
    ),
    category: 'quality',
    topic: '不耐用',
  },
  {
    id: 'missing-items',
    hints: ['少', '漏', '只'],
    re: new RegExp(
      `(?:(?:少|漏)(?:发|寄|给|装|了)了?[0-9一二两三四五六七八九十几]*${UNIT}|只(?:收到|到了?|来了)${N}${UNIT})`,
      'g',
    ),
    category: 'logistics',
    topic: '漏发',
  },
  {
    id: 'wrong-item',
    hints: ['的是', '的不是'],
    re: /(?:(?:买|拍|要|订)的是?[^。！？!?]{0,10}(?:发来|寄来|收到|给我发了?)的?是|(?:跟|和|与)我?(?:下单|买|拍|订)的不是)/g,
    category: 'logistics',
    topic: '错发',
  },
  {
    id: 'claimed-vs-actual',
    hints: ['说是', '标', '写', '宣传', '号称', '描述说', '详情'],
    re: /(?:说是|标的|标着|写的|宣传的?|号称|描述说是?|详情页?写着?)[^。！？!?]{0,12}(?:结果|其实|实际|收到|称了|只有|根本|却)/g,
    category: 'mismatch',
    topic: '货不对板',
  },
  {
    id: 'compare-listing',
    hints: ['比'],
    re: /比(?:图片|描述|详情页?|试色图?|宣传|模特图?|照片|主图)/g,
    category: 'mismatch',
    topic: '与描述不符',
    unlessPositive: true,
  },
  {
    id: 'price-then-now',
    hints: ['现在'],
    re: new RegExp(`(?:买的时候|当时|之前)${N}[^。！？!?]{0,3}现在${N}`, 'g'),
    category: 'price',
    topic: '降价',
  },
  {
    id: 'cheaper-elsewhere',
    hints: ['便宜', '才'],
    re: /(?<!比)(?:别家|别人家|其他家|直播间|超市|实体店|官网|同款)(?:比这|比这里|比这家|比你家)?[^。！？!?，,]{0,4}(?:便宜|才[0-9一二两三四五六七八九十百几]+)/g,
    category: 'price',
    topic: '价格贵',
  },
];
