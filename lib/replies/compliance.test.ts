import { describe, expect, it } from 'vitest';
import { canInsert, checkCompliance, type ComplianceRule } from './compliance';

const rulesOf = (text: string, ctx = {}) => checkCompliance(text, ctx).issues.map((i) => i.rule);

describe('block: inducements tied to reviews (《网络反不正当竞争暂行规定》 art. 9(5))', () => {
  it.each([
    '亲，给个五星好评返现5元哦',
    '好评返现',
    '好 评 返 现',
    '好*评*返*现',
    '好·评·返·现',
    '好，评，返，现',
    '好\u200b评\u200b返\u200b现',
    'ｈａｏ ｐｉｎｇ ｆａｎ ｘｉａｎ',
    '伍星好评送红包',
    '5星好评领优惠券',
    '晒图送小礼物',
    '带图评价返2元',
    '追评可领取无门槛券',
    '好评截图发客服领红包',
    '给个满分评价，送您一份赠品',
  ])('%s', (text) => {
    const r = checkCompliance(text);
    expect(r.verdict).toBe('block');
    expect(r.issues.map((i) => i.rule)).toContain('inducement');
    expect(canInsert(r)).toBe(false);
  });

  it('points the span at the original characters', () => {
    const text = '亲，好 * 评 返 现哦';
    const issue = checkCompliance(text).issues.find((i) => i.rule === 'inducement');
    expect(text.slice(issue?.span.start, issue?.span.end)).toBe('好 * 评 返 现');
  });

  it('warns (not blocks) when 好评 and a gift are in different sentences', () => {
    const r = checkCompliance('感谢您的好评！下次购买送您小礼物。');
    expect(r.verdict).toBe('warn');
    expect(r.issues.map((i) => i.rule)).toEqual(['inducement_nearby']);
  });
});

describe('block: asking to change or delete a review', () => {
  it.each([
    '麻烦您把差评改一下',
    '能否删除评价',
    '能不能删评',
    '追加个好评吧',
    '帮忙给个好评',
    '撤销差评我们马上处理',
    '请修改评价',
    '差评能撤回吗',
    '麻烦改成五星',
    '改 一 下 评 价',
    '重新评价一下',
  ])('%s', (text) => {
    const r = checkCompliance(text);
    expect(r.verdict).toBe('block');
    expect(r.issues.map((i) => i.rule)).toContain('change_review');
  });
});

describe('block: empty', () => {
  it.each(['', '   '])('%j', (text) => {
    expect(checkCompliance(text).verdict).toBe('block');
  });
});

describe('warn rules', () => {
  it.each<[string, ComplianceRule]>([
    ['有问题加我微信处理', 'diversion'],
    ['加 V：abc12345', 'diversion'],
    ['ｖｘ：abc12345', 'diversion'],
    ['请拨打13800138000', 'diversion'],
    ['请拨打１３８ ００１３ ８０００', 'diversion'],
    ['请拨打壹叁捌零零壹叁捌零零零', 'diversion'],
    ['QQ 12345678 联系售后', 'diversion'],
    ['这是您自己使用不当造成的', 'blame'],
    ['我们的商品不可能有质量问题', 'blame'],
    ['请不要恶意差评', 'blame'],
    ['作为一个AI语言模型，我建议您联系客服', 'ai_meta'],
    ['以下是回复：亲，非常抱歉', 'ai_meta'],
    ['{买家}您好，非常抱歉', 'placeholder'],
    ['【买家】您好', 'placeholder'],
  ])('%s → %s', (text, rule) => {
    const r = checkCompliance(text);
    expect(r.verdict).toBe('warn');
    expect(r.issues.map((i) => i.rule)).toContain(rule);
    expect(canInsert(r)).toBe(true);
  });

  it.each([
    ['张小明您好，已为您处理', { name: '张小明' }],
    ['已按13912345678联系您', { phone: '139-1234-5678' }],
    ['已寄往幸福路88号阳光小区', { address: '浙江省杭州市西湖区幸福路88号阳光小区3栋' }],
    ['已联系139****5678的号码', {}],
  ])('personal data: %s', (text, buyer) => {
    expect(rulesOf(text, { buyer })).toContain('personal_data');
  });

  it('warns over the platform limit and says the limit is a guess', () => {
    const text = '非常抱歉'.repeat(130);
    const r = checkCompliance(text, { platform: 'douyin' });
    const issue = r.issues.find((i) => i.rule === 'length');
    expect(issue?.message).toContain('520/500');
    expect(issue?.message).toContain('估计值');
    expect(issue?.span).toEqual({ start: 500, end: 520 });
    expect(rulesOf(text, { platform: 'douyin', maxLength: 600 })).toEqual([]);
  });
});

describe('false-positive guards', () => {
  it.each([
    '非常抱歉衣服出现起球问题，我们为您全额退款，并补偿一张20元无门槛券。',
    '感谢您的好评，欢迎再次光临！',
    '谢谢亲的好评，祝您生活愉快～',
    '抱歉让您久等了，快递已送货上门，之后我们会换更快的配送。',
    '感谢您的评价，我们会不断改进。',
    '您的评价我们会认真改进做工。',
    '有问题请联系我们的在线客服，5分钟内回复您。',
    '请您拍照发给客服，我们为您免费补发同款。',
    '已为您办理退货退款，运费由我们承担。',
    '亲，这款是V领设计，面料Q弹有型。',
  ])('%s is ok', (text) => {
    expect(checkCompliance(text, { platform: 'taobao' })).toMatchObject({ verdict: 'ok', issues: [] });
  });
});

describe('canInsert', () => {
  it('only allows the exact text that was checked', () => {
    const r = checkCompliance('非常抱歉，已为您补发。');
    expect(canInsert(r, '非常抱歉，已为您补发。')).toBe(true);
    expect(canInsert(r, '非常抱歉，已为您补发。好评返现')).toBe(false);
  });
});
