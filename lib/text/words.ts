/**
 * Evaluation and sentiment words. Entries are `word` or `word:weight` (weight defaults to 1).
 * Evaluation words attach to the nearest aspect in their clause ("物流…慢", "客服…差"); sentiment words
 * only move the overall score. Shield words have no polarity: they exist so that the longest match
 * swallows look-alikes ("快递" is not "快", "差不多" is not "差", "好评返现" is not "好评").
 */

/** Negative evaluations about speed: attach to aspects with a `slowTopic`. */
export const SLOW = ['慢', '太慢', '很慢', '好慢', '慢死了', '慢得', '慢的要死', '磨叽', '拖拉', '很久', '好久', '太久', '不及时'];

/** Generic negative evaluations that attach to an aspect. */
export const NEG_EVAL = [
  '差', '太差', '很差', '好差', '极差', '超差', '烂', '很烂', '太烂', '垃圾:1.5', '不好', '不太好', '不行', '不怎么样',
  '不咋地', '不咋样', '糟糕', '恶劣', '一般:0.35', '一般般:0.35', '很一般:0.6', '贵', '不一样', '不符', '不一致', '不对',
  '差别很大', '差别大', '差很多', '差距', '出入', '不准', '不稳定', '不满意:1.2',
  '没用', '敷衍', '不专业',
];

/** Generic positive evaluations that attach to an aspect. */
export const POS_EVAL = [
  '好', '很好', '挺好', '不错', '棒', '很棒', '给力', '满意', '很满意:1.3', '快', '很快', '超快', '挺快', '飞快', '及时',
  '杠杠的', '适合', '没得说', '一级棒:1.3', '好看', '漂亮', '可以:0.5', '还可以:0.3', '还行:0.3', '正常:0.3', '标准', '准', '很准',
  '绝了', '绝绝子', '好评', '点赞', '靠谱', '舒服', ];

/** Sentiment-only positive words. */
export const POS_WORDS = [
  '喜欢', '很喜欢:1.3', '推荐', '值得购买', '回购', '还会回购', '再来', '还来', '下次还来', '支持', '良心', '五星', '5星', '满分',
  '惊喜', '超出预期', '一如既往', '宝藏', '爱了', 'yyds', 'nice', 'good', '真香', '好东西', '精美', '没问题:0.6', '没事:0.5', '安利', '闭眼入', '放心', '显瘦', '显白', '好吃', '香', '完美', '赞', '👍', '❤', '😊', '😍', '🥰', '💯', '👏', '🌹', '😘', '😁', '🤩',
];

/** Sentiment-only negative words. */
export const NEG_WORDS = [
  '失望', '太失望:1.5', '后悔', '别买', '千万别买:1.5', '不要买', '上当', '骗子', '骗人', '坑', '太坑了', '坑人', '无语',
  '无语子', '恶心', '气死', '心塞', '离谱', '避雷', '踩雷', '差评', '退了', '退货', '丑', '难看', '不喜欢', '不太喜欢',
  '浪费钱', '一言难尽', '不会再买', '不会再来', '再也不', '栓q', '破防', '不适合', '怀疑', '不敢恭维', '👎', '😡', '😤', '🤮', '💩', '😠',
];

/** Weak words: they soften but do not decide. */
export const MILD_WORDS = ['凑合:-0.2', '将就:-0.2', '中规中矩:0', '马马虎虎:-0.2', '还好:0.2', '不好说:0'];

/** Words that must win the longest match so their parts are not read as sentiment. */
export const SHIELDS = [
  '快递', '快手', '尽快', '赶快', '快点', '差不多', '差点', '好几', '好在', '好像', '只好', '正好', '好友', '好评返现',
  '好坏', '不好意思', '一点', '问题', '一般来说', '不一定', '好评吧', '给个好评', '先给个好评',
  '说好', '说好的', '好多', '想象', '以为', '拍小一码', '拍大一码', '买小一码', '买大一码', '没用过', '还没用', '没怎么用', '没用几', '再来追评', '来追评',
];

/** Parse `word:weight`. */
export function parseWeighted(entry: string): [string, number] {
  const at = entry.lastIndexOf(':');
  if (at <= 0) return [entry, 1];
  const w = Number(entry.slice(at + 1));
  return Number.isFinite(w) ? [entry.slice(0, at), w] : [entry, 1];
}
