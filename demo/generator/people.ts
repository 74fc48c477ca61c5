/**
 * Buyer personal data. It exists in the world only because the real order list carries it; the
 * extension must drop it at parse time, so the demo serves it where the console has it. Built lazily
 * from a per-order seed: 120k receiver objects would dominate generation time and memory.
 */
import { createRng, picker, type Rng } from './prng';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '丽',
  '静',
  '敏',
  '婷',
  '芳',
  '娜',
  '秀英',
  '晓燕',
  '雪',
  '欣怡',
  '子涵',
  '伟',
  '磊',
  '强',
  '杰',
  '浩然',
  '梓萱',
  '佳琪',
  '雨桐',
  '思远',
];
const PHONE_PREFIXES = ['138', '139', '136', '158', '159', '186', '187', '177', '151', '199', '135', '150'];
/** Province, city, districts, share of buyers. The last one is remote (偏远地区: slower transit). */
export const REGIONS: readonly (readonly [string, string, readonly string[], number])[] = [
  ['广东省', '深圳市', ['南山区', '福田区', '宝安区', '龙岗区'], 12],
  ['广东省', '广州市', ['天河区', '海珠区', '白云区'], 11],
  ['浙江省', '杭州市', ['西湖区', '余杭区', '滨江区'], 10],
  ['江苏省', '南京市', ['鼓楼区', '江宁区'], 8],
  ['上海市', '上海市', ['浦东新区', '闵行区', '徐汇区'], 10],
  ['北京市', '北京市', ['朝阳区', '海淀区', '丰台区'], 9],
  ['四川省', '成都市', ['武侯区', '锦江区', '高新区'], 9],
  ['湖北省', '武汉市', ['洪山区', '江汉区'], 8],
  ['山东省', '济南市', ['历下区', '槐荫区'], 8],
  ['河南省', '郑州市', ['金水区', '二七区'], 8],
  ['新疆维吾尔自治区', '乌鲁木齐市', ['天山区', '沙依巴克区'], 1.5],
];
export const REMOTE_REGION = REGIONS.length - 1;
const STREETS = ['人民路', '建设路', '中山路', '解放大道', '科技园路', '幸福路', '文化路', '长江路'];
/** Masked nicknames as 抖店 shows them: first character + "***". */
const NICKS = [
  'a***',
  'j***',
  'x***',
  'l***',
  'w***',
  'm***',
  's***',
  'y***',
  'z***',
  'c***',
  '小***',
  '阿***',
  '大***',
  '甜***',
  '星***',
  '云***',
  '快***',
  '喵***',
];

/** 收件人 details (the console masks the phone). */
export interface Receiver {
  name: string;
  /** Masked like the console shows it: 138****1234. */
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
}

/** Region index of a new order's receiver. */
export const pickRegion = picker(REGIONS.map((r) => r[3]));

/** The receiver of an order from its region and PII seed (deterministic, built on demand). */
export function receiverOf(order: { region: number; piiSeed: number }): Receiver {
  const rng = createRng(order.piiSeed);
  const [province, city, districts] = REGIONS[order.region] ?? REGIONS[0] ?? ['', '', [''], 1];
  return {
    name: rng.pick(SURNAMES) + rng.pick(GIVEN),
    phone: `${rng.pick(PHONE_PREFIXES)}****${String(rng.int(0, 9999)).padStart(4, '0')}`,
    province,
    city,
    district: rng.pick(districts),
    street: rng.pick(STREETS),
    detail: `${rng.int(1, 399)}号${rng.int(1, 30)}栋${rng.int(101, 2808)}室`,
  };
}

/** A masked nickname. */
export function maskedNick(rng: Rng): string {
  return rng.pick(NICKS);
}
