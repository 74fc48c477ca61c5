/**
 * How real buyers write, beyond the clean sentences of the other banks (issue #11): internet slang,
 * emoji, homophone spellings and typos, 繁体, sarcasm and comparisons with other shops. Our own words
 * throughout; used by demo/generator/voice.ts.
 */

/** Slang a happy buyer tacks on. */
export const SLANG_GOOD = [
  '绝绝子',
  'yyds',
  '真香了',
  '闭眼入不踩雷',
  '已经安利给室友了',
  '狠狠爱住了',
  '宝藏店铺，先收藏了',
  '冲就完事了',
  '无限回购中',
  '这波不亏',
  '这个价捡到宝了',
  '家人们谁懂啊，太好用了',
];

/** Slang an unhappy buyer tacks on. */
export const SLANG_BAD = [
  '踩雷了家人们',
  '大无语',
  '一整个无语住',
  '避雷避雷',
  '心态崩了',
  '血亏',
  '谁买谁后悔',
  '劝退',
  'emo了',
  '直接拔草',
  '蚌埠住了',
  '离大谱',
  '智商税没跑了',
];

export const EMOJI_GOOD = ['👍', '😍', '❤️', '💯', '🥰', '✌️', '🌹', '😄'];
export const EMOJI_BAD = ['😡', '😤', '🙄', '💢', '😭', '👎', '😓', '🤬'];
export const EMOJI_MEH = ['😐', '🤔', '😶', '🙂'];

/** Sarcastic openings and endings of a bad review (the words say praise, the buyer means the opposite). */
export const SARCASM_OPEN = [
  '好评，呵呵。',
  '五星好评（反话）。',
  '真是太“好”了，',
  '谢谢你们啊，',
  '可以的，很会做生意，',
  '给个好评吧，毕竟我脾气好，',
];
export const SARCASM_CLOSE = [
  '真是谢谢了',
  '这服务也是没谁了',
  '我可真是开了眼了',
  '下次还来（才怪）',
  '厉害厉害，佩服佩服',
  '666',
];

/** Comparisons with other shops: in a good review the others lose, in a bad one this shop does. */
export const COMPARE_GOOD = [
  '货比三家，还是这家最实在',
  '之前在别家买过同款，这家明显更厚实',
  '比实体店便宜一大截',
  '跟隔壁那家比，这家发货快多了',
  '比我上次在超市买的强多了',
];
export const COMPARE_BAD = [
  '隔壁家同款便宜十几块，质量还比这好',
  '之前在别家买的同款比这个强太多',
  '还不如拼夕夕九块九的',
  '跟旗舰店的完全没法比',
  '上次在另一家买的两天就到，这家拖了一礼拜',
  '同事在别家买的一样的东西，人家的就没毛病',
];

/** Homophone and slang spellings, and common typos (pattern → what buyers type). */
export const SPELLINGS: readonly (readonly [string, string])[] = [
  ['什么', '神马'],
  ['没有', '木有'],
  ['非常', '灰常'],
  ['怎么', '肿么'],
  ['这样', '酱紫'],
  ['不知道', '不造'],
  ['东西', '东东'],
  ['喜欢', '稀饭'],
  ['已经', '以经'],
  ['再也', '在也'],
  ['觉得', '觉的'],
  ['一下', '一哈'],
  ['感觉', '赶脚'],
  ['好的', '好滴'],
  ['真的', '真滴'],
  ['客服', '客fu'],
  ['质量', '质两'],
  ['物流', 'wl'],
  ['快递', '快第'],
  ['退款', 'tk'],
];

/**
 * Simplified → 繁体 for the characters our texts use most, as "简繁" pairs. Characters not listed are the
 * same in both scripts (or rare enough here): a partial conversion is also what mixed-input buyers type.
 */
export const TRADITIONAL =
  '质質 买買 卖賣 东東 这這 个個 还還 说說 们們 发發 货貨 颜顏 实實 图圖 来來 会會 后後 时時 间間 为為 与與 对對 话話 态態 转轉 让讓 价價 钱錢 吗嗎 么麼 样樣 没沒 宝寶 ' +
  '贝貝 书書 递遞 坏壞 劲勁 给給 够夠 满滿 欢歡 应應 该該 现現 种種 从從 处處 边邊 点點 过過 进進 运運 费費 问問 题題 务務 爱愛 亲親 长長 门門 开開 关關 见見 觉覺 块塊 ' +
  '无無 线線 缩縮 号號 码碼 纸紙 装裝 双雙 两兩 几幾 单單 细細 带帶 鲜鮮 试試 谁誰 认認 识識 级級 贵貴 丑醜 烂爛 头頭 电電 视視 机機 车車 网網 经經 办辦 补補 换換 红紅 ' +
  '软軟 轻輕 脏髒 净淨 热熱 凉涼 气氣 节節 总總 结結 体體 验驗 评評 论論 厉厲 帮幫 刚剛 听聽 写寫 谢謝 错錯 乱亂 员員 产產 标標 准準 较較 虽雖 却卻 饿餓 药藥 伤傷 痒癢 ' +
  '严嚴 紧緊 松鬆 稳穩 专專 业業 礼禮 赠贈 优優 扫掃 复復 购購 划劃 亏虧 骗騙 诚誠 连連 续續 闻聞 异異 铺鋪 袜襪 裤褲 领領 链鏈 针針 织織 绒絨 丝絲 锅鍋 壶壺 灯燈 柜櫃 ' +
  '垫墊 帘簾 镜鏡 楼樓 签簽 旧舊 声聲 脚腳 极極 尽盡 广廣 场場 惊驚 动動 变變 难難 压壓 损損 馈饋 迟遲 达達 邮郵 颗顆';
