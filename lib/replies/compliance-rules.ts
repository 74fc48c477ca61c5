/**
 * Compliance rule data. Regular expressions run on `normalizeForMatch` output (half-width, lower-case,
 * separators removed, Chinese numerals → digits, pinyin folded), so they are written in that alphabet:
 * 五星 appears as "5星", 一下 as "1下". Phrase lists are written naturally and normalized at load.
 */

/** Review actions an inducement gets tied to. */
export const REVIEW_ACT =
  /(?:好评|5星|5颗星|5分(?!钟)|满分|全5|追评|晒图|晒单|带图|图文评价|评价截图|好评截图|截图评价|好的评价)/g;

/** Benefits: 返现/红包/卡券/优惠券/返N元/送…/礼品. 送 in 送货/送达/配送/快递送 is logistics, not a gift. */
export const INCENTIVE =
  /(?:返现|返利|返钱|返款|返还|返[0-9十百千]+|红包|现金|卡券|优惠券|代金券|无门槛|券|礼品|小礼物|礼物|赠品|奖励|福利|抽奖|免单|补贴|有礼|立减|领取|(?<![配运快派递寄接])送(?![货达到出件检修错回上])|赠|[0-9]+元|[0-9]+块)/g;

/** Asking to change, delete, withdraw or append a review (改评/删评/追加好评/撤销差评). */
export const CHANGE_REVIEW: readonly RegExp[] = [
  /(?:修改|更改|改|删除|删掉|删|撤销|撤回|撤掉|撤|取消|去掉)(?!进|善|良|正|变|期|天|日)[^，。！？,!?]{0,4}?(?:差评|中评|好评|评价|评论|评分|星级|追评|5星)/g,
  /(?:差评|中评|评价|评论|追评)[^，。！？,!?]{0,4}?(?:修改|更改|改|删除|删掉|删|撤销|撤回|撤|去掉|取消)(?!进|善|良|正|变)/g,
  /(?:追加|补|再给|重新给|帮忙给|换成|改成)[^，。！？,!?]{0,3}?(?:好评|5星)/g,
  /重新(?:评价|评分|打分)/g,
  /(?:改|删|撤)评(?!估|审|测|比|选)/g,
];

/** Blaming or arguing with the buyer. */
export const BLAME_PHRASES: readonly string[] = [
  '您自己',
  '你自己',
  '是您的问题',
  '是你的问题',
  '您自己的问题',
  '你自己的问题',
  '不可能',
  '恶意差评',
  '职业差评',
  '差评师',
  '胡说',
  '乱说',
  '瞎说',
  '造谣',
  '诬陷',
  '诽谤',
  '敲诈',
  '勒索',
  '爱买不买',
  '别买了',
  '不要买了',
  '看不懂',
  '没看详情',
  '没看清',
  '看清楚',
  '怪我们',
  '跟我们没关系',
  '与我们无关',
  '与本店无关',
  '不关我们的事',
  '概不负责',
  '不是我们的问题',
  '使用不当',
  '自己的原因',
  '人为损坏',
  '您没有仔细',
  '你没有仔细',
  '请自重',
];

/** Traces of a language model or of a prompt in the text. */
export const AI_META_PHRASES: readonly string[] = [
  '作为AI',
  '作为一个AI',
  '作为人工智能',
  '作为一个人工智能',
  '语言模型',
  'AI助手',
  '我是AI',
  '以下是',
  '回复如下',
  '如下回复',
  '好的，这是',
  '当然可以',
  '我无法',
  '我不能提供',
  'as an ai',
  'here is',
  "here's",
  '```',
];

/** Unfilled slots or markdown left in a draft (checked on the original text, not the normalized one). */
export const PLACEHOLDER =
  /\{[^{}]{1,12}\}|\[(?:买家|商品|问题|补救|姓名|昵称|name|buyer)\]|【(?:买家|商品|问题|补救|姓名|昵称)】|\*\*|^#{1,6}\s/gm;

/** A phone number shown masked ("138****8000") is still the buyer's number. */
export const MASKED_PHONE = /1[3-9]\d[*＊xX]{4}\d{4}/g;

export const MESSAGES = {
  inducement:
    '好评/晒图与返现、红包、优惠券、赠品等利益挂钩，违反《网络反不正当竞争暂行规定》第九条第（五）项，禁止发送',
  inducement_nearby: '回复同时提到好评与优惠/赠品，请确认两者没有关联（不得以利益换评价）',
  change_review: '要求买家修改、删除、撤销或追加评价，平台禁止，禁止发送',
  diversion: '含站外联系方式或引导（微信/QQ/电话），平台通常禁止引导站外交易与沟通',
  personal_data: '回复中出现买家个人信息（姓名/电话/地址），公开回复会泄露隐私，请删除',
  blame: '语气可能被视为指责或争辩买家，建议改为致歉与解决方案',
  ai_meta: '含AI生成痕迹或格式符号，请删除',
  placeholder: '含未填写的占位符或格式符号',
  empty: '回复内容为空',
} as const;
