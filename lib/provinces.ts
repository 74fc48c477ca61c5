/**
 * China's provincial-level divisions (省/自治区/直辖市/特别行政区), the only part of a buyer's address the
 * extension keeps (issue #16: the 物流异常地图 needs it, and a province names no one). Adapters pass
 * whatever the console shows through `provinceOf`; anything that is not one of these names is dropped, so
 * a city, street or name can never reach storage through this field.
 *
 * Zod-free so content scripts can use it without the schemas.
 */
export const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '台湾省',
  '香港特别行政区',
  '澳门特别行政区',
] as const;
export type Province = (typeof PROVINCES)[number];

/** Short names as consoles and export files often write them ("广东", "广西", "内蒙古"). */
const SHORT: ReadonlyMap<string, Province> = new Map(
  PROVINCES.map((p) => [p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''), p]),
);
const FULL: ReadonlySet<string> = new Set(PROVINCES);

/**
 * The province named by `value` — a full name, a short name, or the start of an address
 * ("广东省深圳市…" → 广东省) — or undefined. Only the province is returned, never the rest.
 */
export function provinceOf(value: unknown): Province | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim().replace(/^中国/, '');
  if (!t) return undefined;
  if (FULL.has(t)) return t as Province;
  const exact = SHORT.get(t);
  if (exact) return exact;
  // Address prefix: the longest known name the text starts with (内蒙古 before 内…, 黑龙江 before 黑…).
  for (const p of PROVINCES) if (t.startsWith(p)) return p;
  for (const [short, p] of SHORT) if (short.length >= 2 && t.startsWith(short)) return p;
  return undefined;
}
