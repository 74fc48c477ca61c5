import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceOf } from './provinces';

describe('provinceOf', () => {
  it.each([
    ['广东省', '广东省'],
    ['广东', '广东省'],
    ['北京', '北京市'],
    ['内蒙古', '内蒙古自治区'],
    ['广西', '广西壮族自治区'],
    ['新疆维吾尔自治区', '新疆维吾尔自治区'],
    [' 上海市 ', '上海市'],
    ['中国浙江省', '浙江省'],
    // An address gives its province and nothing else.
    ['浙江省杭州市西湖区文三路 1 号', '浙江省'],
    ['北京市朝阳区建国路 93 号', '北京市'],
    ['黑龙江哈尔滨市', '黑龙江省'],
  ])('%s → %s', (input, want) => {
    expect(provinceOf(input)).toBe(want);
  });

  it.each([[''], ['杭州市'], ['西湖区'], ['张三'], ['13811112222'], [42], [undefined], [{ name: '广东省' }]])(
    'rejects %s',
    (input) => {
      expect(provinceOf(input)).toBeUndefined();
    },
  );

  it('lists 34 provincial-level divisions, each recognised by itself', () => {
    expect(PROVINCES).toHaveLength(34);
    for (const p of PROVINCES) expect(provinceOf(p)).toBe(p);
  });
});
