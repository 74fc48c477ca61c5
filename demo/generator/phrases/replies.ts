/** Shop reply and buyer append texts. */
import type { PhraseSet } from './bank';

export const REPLY_GOOD: PhraseSet = {
  all: [
    '感谢亲的认可与支持，期待您的再次光临~',
    '谢谢亲的好评，您的满意是我们最大的动力！',
    '感谢您选择我们家的{p}，有任何问题随时联系客服哦',
    '亲的喜欢就是我们前进的动力，祝您生活愉快！',
  ],
};

export const REPLY_BAD: PhraseSet = {
  all: [
    '非常抱歉给您带来不好的体验，客服已经联系您处理，请留意消息',
    '亲，给您添麻烦了，我们已经反馈给相关部门整改',
    '抱歉让您久等了，活动期间订单量大，我们已经在加急处理',
    '亲，这边已为您安排补发，请注意查收',
    '对不起亲，收到的问题请联系在线客服，我们一定给您满意的处理',
  ],
};

export const APPEND_GOOD: readonly string[] = [
  '用了一段时间，还是很好用',
  '洗了几次没问题，追评一下',
  '家里人都说好，又买了一单',
  '一直在用，值得',
];
export const APPEND_BAD: readonly string[] = [
  '客服到现在也没解决',
  '退款还没到账',
  '补发的也有问题',
  '用了几天更差了',
];
