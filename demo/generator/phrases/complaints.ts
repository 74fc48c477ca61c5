/** Complaint sentences by cause. The cause names match the product's categories: 质量, 描述不符, 物流, 服务, 价格. */
import type { PhraseSet } from './bank';

export const QUALITY: PhraseSet = {
  all: ['质量太差了', '做工粗糙，一看就是便宜货', '用了没几天就坏了', '质量和价格不成正比'],
  apparel: [
    '穿了一次就起球了',
    '袖口开线了',
    '洗了一次严重掉色，把别的衣服都染了',
    '线头特别多',
    '洗了一次就缩水变形',
    '拉链一拉就坏',
    '面料很扎人，穿着过敏',
    '领口洗一次就松了',
  ],
  home: [
    '有很大的异味，放了一周还有',
    '螺丝孔都没对齐',
    '用了两天就漏水',
    '一碰就掉漆',
    '边缘有毛刺，把手划破了',
    '掉毛严重，沾得满身都是',
  ],
  food: [
    '有股哈喇味，像放久了',
    '吃出了异物',
    '包装漏气，已经受潮了',
    '吃着不新鲜',
    '快过期了才发过来',
    '吃完肚子不舒服',
  ],
};

export const MISMATCH: PhraseSet = {
  all: ['和图片完全不一样', '跟直播间说的不一样', '实物和描述不符', '图片严重美化'],
  apparel: [
    '色差太大了，图片是米白收到是黄的',
    '尺码偏大一码',
    '尺码偏小，按平时的码买穿不上',
    '说是纯棉，其实是化纤',
    '面料很薄，透肉',
    '版型和模特图差太多',
  ],
  home: ['尺寸比标的小很多', '说是实木，其实是压缩板', '颜色和图片差很多', '材质不是描述的加厚款'],
  food: ['分量不足，明显少了', '口味和描述的不一样', '说是现磨，其实是散装', '个头比图片小太多了'],
};

export const LOGISTICS_SLOW: PhraseSet = {
  all: [
    '物流太慢了',
    '一个快递走了一个星期',
    '物流信息好几天不更新',
    '快递放驿站也不通知',
    '发货太慢了，催了好几次',
    '快递不送上门，还得自己去拿',
  ],
};

export const LOGISTICS_DAMAGE: PhraseSet = {
  all: ['收到的时候外箱都压扁了', '包装太简陋，里面东西都破损了'],
  home: ['碗碎了两个', '收纳箱盖子裂开了', '到手就是坏的，磕了一个角'],
  food: ['苹果磕坏了好几个', '面包都压扁了', '饼干碎成渣了'],
};

export const LOGISTICS_MISSING: PhraseSet = {
  all: ['漏发了一件，找客服补发还要等', '少发了一个，说好的赠品也没有', '买了两件只收到一件'],
};

export const LOGISTICS_WRONG: PhraseSet = {
  all: ['发错货了，我要的不是这个颜色', '错发了尺码，还得自己寄回去', '收到的和下单的规格不一样'],
};

export const LOGISTICS_LOST: PhraseSet = {
  all: ['快递丢件了，到现在也没找到', '显示签收了但我根本没收到', '包裹丢了，商家说找快递，快递说找商家'],
};

/** The seeds' 双11 story: orders paid in the spike waited days to be shipped. */
export const LATE_SHIPMENT: PhraseSet = {
  all: [
    '等了五天还没发货',
    '双十一买的，一个星期才到手',
    '说好48小时发货，结果拖了四天',
    '催了好几次客服都说在排队发货',
    '付款三天了物流还没有信息',
    '别人家早就到了，你们家才发货',
    '发货慢到离谱，差点申请退款',
    '活动期间发货太慢，体验很差',
  ],
};

export const SERVICE: PhraseSet = {
  all: [
    '客服不理人，问了半天没回',
    '客服一直推诿，让我找快递',
    '申请退款一直拖着不处理',
    '客服态度很差，很不耐烦',
    '客服答非所问，全是机器人回复',
    '退货退款太难了，来回扯皮',
    '售后说好给补偿，结果没下文',
    '拒绝了我的退款申请，理由都不给',
  ],
};

export const PRICE: PhraseSet = {
  all: [
    '刚买就降价了，也不给保价',
    '不值这个价',
    '性价比太低',
    '比超市还贵',
    '活动价和平时差不多，感觉被骗了',
  ],
};

/** Mild remarks for a 3★ logistics or service rating on an otherwise good order. */
export const MILD_LOGISTICS: PhraseSet = {
  all: ['物流稍微慢了点', '快递比预期晚了一天', '外包装有点脏', '快递没送上门，放驿站了'],
};
export const MILD_SERVICE: PhraseSet = {
  all: ['客服回复有点慢', '问客服尺码等了挺久才回', '客服态度一般'],
};

/** Lukewarm sentences for 中评. */
export const NEUTRAL: PhraseSet = {
  all: ['一般般吧', '还行，凑合用', '中规中矩', '没有想象中那么好', '东西还可以，就是有点小问题', '不好不坏'],
};

export const CLOSERS_BAD: PhraseSet = {
  all: ['不会再买了', '大家慎重购买', '已经申请退货了', '非常失望', '差评', '浪费钱'],
};
