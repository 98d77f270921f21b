// Word lists for brand, partner and people names. Invented names only: no real company is meant.
import type { PartnerKind } from '../schema/enums.ts';
import type { Rng } from '../random/prng.ts';

const brandRoots = [
  'Nordvik',
  'Lumière',
  'Harbor & Pine',
  'Alder',
  'Brightwave',
  'Calloway',
  'Dunmore',
  'Everly',
  'Fjordline',
  'Greystone',
  'Halden',
  'Isola',
  'Juniper',
  'Kestrel',
  'Larkspur',
  'Marlowe',
  'Northcove',
  'Oakhurst',
  'Pemberly',
  'Quillon',
  'Rosmarin',
  'Solvang',
  'Tidewell',
  'Umbra',
  'Valmont',
  'Westbrook',
  'Yarrow',
  'Zephyr',
  'Aurelle',
  'Bellhaven',
  'Cobalt Bay',
  'Drift & Co',
];
const brandCategories = [
  'Skincare',
  'Outdoor',
  'Audio',
  'Home',
  'Coffee',
  'Pet Care',
  'Nutrition',
  'Fragrance',
  'Footwear',
  'Baby',
  'Wines',
  'Cycling',
  'Eyewear',
  'Kitchen',
  'Apparel',
  'Watches',
];
const regions = ['Europe', 'Global', 'International', 'Group', 'Labs', 'Studio'];

/** Unique brand names: root x category, then a region suffix once the pairs run out. */
export function brandName(rng: Rng, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const base = `${rng.pick(brandRoots)} ${rng.pick(brandCategories)}`;
    const name = attempt < 8 ? base : `${base} ${rng.pick(regions)} ${attempt}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Partner cities, weighted toward the e-commerce and content hubs. */
export const cities: readonly (readonly [string, string, number])[] = [
  ['Shanghai', '上海', 22],
  ['Hangzhou', '杭州', 18],
  ['Shenzhen', '深圳', 12],
  ['Guangzhou', '广州', 12],
  ['Beijing', '北京', 12],
  ['Chengdu', '成都', 6],
  ['Xiamen', '厦门', 4],
  ['Nanjing', '南京', 4],
  ['Suzhou', '苏州', 3],
  ['Wuhan', '武汉', 3],
  ['Changsha', '长沙', 2],
  ['Chongqing', '重庆', 2],
];

const partnerWords: readonly (readonly [string, string])[] = [
  ['Xinghe', '星河'],
  ['Lanjing', '蓝鲸'],
  ['Yunshang', '云上'],
  ['Qinghe', '青禾'],
  ['Tianheng', '天衡'],
  ['Luming', '鹿鸣'],
  ['Huoshan', '火山'],
  ['Xingyao', '星耀'],
  ['Ruoshui', '若水'],
  ['Jiguang', '极光'],
  ['Zhixing', '知行'],
  ['Jincheng', '锦程'],
  ['Jiahe', '嘉禾'],
  ['Lingyun', '凌云'],
  ['Langxing', '朗星'],
  ['Mozhu', '墨竹'],
  ['Xinchao', '新潮'],
  ['Haina', '海纳'],
  ['Feiyu', '飞鱼'],
  ['Senyu', '森屿'],
];

const kindSuffix: Readonly<Record<PartnerKind, readonly [string, string]>> = {
  agency: ['Marketing', '营销策划有限公司'],
  kol_network: ['KOL Network', '网络科技有限公司 (MCN)'],
  store_operator: ['E-commerce Operations', '电子商务有限公司'],
  livestream: ['Livestream Studio', '直播基地'],
  production: ['Productions', '影视文化传媒有限公司'],
  other: ['Consulting', '商务咨询有限公司'],
};

/** A partner name in English or Chinese; `index` keeps names unique. */
export function partnerName(
  rng: Rng,
  kind: PartnerKind,
  city: readonly [string, string, ...unknown[]],
  index: number,
): string {
  const [en, zh] = rng.pick(partnerWords);
  const [suffixEn, suffixZh] = kindSuffix[kind];
  const n = Math.floor(index / partnerWords.length);
  return rng.chance(0.4)
    ? `${city[1]}${zh}${n > 0 ? n + 1 : ''}${suffixZh}`
    : `${city[0]} ${en}${n > 0 ? ` ${n + 1}` : ''} ${suffixEn}`;
}

const chineseNames = [
  'Zhang Wei',
  'Wang Fang',
  'Li Na',
  'Liu Yang',
  'Chen Jing',
  'Yang Lei',
  'Huang Min',
  'Zhao Li',
  'Wu Tao',
  'Zhou Xin',
  'Xu Ying',
  'Sun Hao',
  'Ma Lin',
  'Zhu Qian',
  'Hu Jun',
  'Guo Mei',
];
const westernNames = [
  'Emma Schulz',
  'James Miller',
  'Sophie Martin',
  'Lukas Weber',
  'Olivia Brown',
  'Noah Dubois',
  'Mia Rossi',
  'Liam Johansson',
  'Chloe Bernard',
  'Jonas Nielsen',
  'Ava Taylor',
  'Finn Keller',
  'Grace Chen',
  'Hannah Park',
  'Daniel Ito',
  'Laura Costa',
];

/** Account managers on the partner side (they submit deliverables). */
export function partnerContacts(rng: Rng): string[] {
  const n = rng.int(1, 3);
  return Array.from({ length: n }, () => `partner:${rng.pick(chineseNames)}`);
}

/** Reviewers on the brand side (they request revisions, approve or reject). */
export function brandReviewers(rng: Rng): string[] {
  const n = rng.int(1, 3);
  return Array.from({ length: n }, () => `brand:${rng.pick(westernNames)}`);
}
