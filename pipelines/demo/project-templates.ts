// Kinds of project a brand runs with a partner in China. Campaigns are anchored on their
// platform peak (11.11, 618, 12.12, Chinese New Year): their key milestone is due on the peak, so
// their work windows overlap the capacity shocks the way real campaign calendars do.
import type { MilestoneType, PartnerKind } from '../schema/enums.ts';
import type { Rng } from '../random/prng.ts';

export type Anchor = 'double11' | '618' | 'double12' | 'cny';

export interface ProjectTemplate {
  readonly kinds: readonly PartnerKind[];
  readonly anchor: Anchor | null;
  /** Milestone types in chain order for a project of `core.length` milestones. */
  readonly core: readonly MilestoneType[];
  /** Types repeated (waves, sessions, batches) when a project has more milestones. */
  readonly extra: readonly MilestoneType[];
  name(rng: Rng, year: number, month: number): string;
}

const half = (m: number): string => (m <= 6 ? 'H1' : 'H2');
const quarter = (m: number): string => `Q${Math.ceil(m / 3)}`;
const season = (m: number): string =>
  ['winter', 'spring', 'summer', 'autumn'][Math.floor((m % 12) / 3)] ?? 'spring';

export const projectTemplates: readonly ProjectTemplate[] = [
  {
    kinds: ['agency', 'kol_network', 'livestream'],
    anchor: 'double11',
    core: [
      'strategy',
      'creative',
      'content_production',
      'kol_seeding',
      'media_buy',
      'livestream',
      'reporting',
    ],
    extra: ['kol_seeding', 'content_production', 'livestream', 'media_buy'],
    name: (_r, y) => `11.11 campaign ${y}`,
  },
  {
    kinds: ['agency', 'kol_network', 'livestream'],
    anchor: '618',
    core: [
      'strategy',
      'creative',
      'content_production',
      'kol_seeding',
      'media_buy',
      'livestream',
      'reporting',
    ],
    extra: ['kol_seeding', 'content_production', 'livestream'],
    name: (_r, y) => `618 campaign ${y}`,
  },
  {
    kinds: ['agency', 'store_operator', 'livestream'],
    anchor: 'double12',
    core: ['strategy', 'content_production', 'media_buy', 'livestream', 'reporting'],
    extra: ['livestream', 'media_buy', 'content_production'],
    name: (_r, y) => `12.12 year-end push ${y}`,
  },
  {
    kinds: ['agency', 'kol_network', 'production'],
    anchor: 'cny',
    core: ['strategy', 'creative', 'content_production', 'kol_seeding', 'reporting'],
    extra: ['kol_seeding', 'content_production', 'creative'],
    name: (_r, y) => `CNY gifting campaign ${y}`,
  },
  {
    kinds: ['store_operator'],
    anchor: null,
    core: [
      'strategy',
      'store_setup',
      'content_production',
      'store_setup',
      'media_buy',
      'reporting',
    ],
    extra: ['store_setup', 'content_production', 'other'],
    name: (r) =>
      r.pick([
        'Tmall flagship store launch',
        'JD store launch',
        'Douyin shop launch',
        'Tmall Global store launch',
      ]),
  },
  {
    kinds: ['store_operator'],
    anchor: null,
    core: ['store_setup', 'content_production', 'media_buy', 'reporting'],
    extra: ['content_production', 'media_buy', 'store_setup'],
    name: (r, y, m) => `${r.pick(['Tmall', 'JD', 'Douyin'])} store operations ${y} ${half(m)}`,
  },
  {
    kinds: ['livestream'],
    anchor: null,
    core: ['strategy', 'content_production', 'livestream', 'livestream', 'reporting'],
    extra: ['livestream'],
    name: (r, y, m) =>
      `${r.pick(['Douyin', 'Taobao Live', 'Kuaishou'])} livestream series ${quarter(m)} ${y}`,
  },
  {
    kinds: ['kol_network'],
    anchor: null,
    core: ['strategy', 'kol_seeding', 'kol_seeding', 'reporting'],
    extra: ['kol_seeding', 'content_production'],
    name: (r, y, m) =>
      `${r.pick(['Xiaohongshu', 'Douyin', 'Bilibili'])} KOL seeding, ${season(m)} ${y}`,
  },
  {
    kinds: ['production'],
    anchor: null,
    core: ['strategy', 'creative', 'content_production', 'content_production', 'reporting'],
    extra: ['content_production', 'creative'],
    name: (r, y) =>
      `${r.pick(['Brand film', 'Product video series', 'Photo shoot'])} production ${y}`,
  },
  {
    kinds: ['agency', 'other'],
    anchor: null,
    core: ['strategy', 'strategy', 'other', 'creative', 'reporting'],
    extra: ['other', 'strategy'],
    name: (r) =>
      r.pick([
        'China market entry strategy',
        'Brand localization for China',
        'Pricing and channel study',
      ]),
  },
  {
    kinds: ['other', 'production', 'agency'],
    anchor: null,
    core: ['other', 'creative', 'other', 'reporting'],
    extra: ['other', 'creative'],
    name: (r, y) =>
      `${r.pick(['Packaging and label localization', 'Cross-border compliance filing', 'Customer service setup'])} ${y}`,
  },
  {
    kinds: ['agency', 'production'],
    anchor: null,
    core: ['strategy', 'content_production', 'content_production', 'reporting'],
    extra: ['content_production', 'creative', 'media_buy'],
    name: (r, y, m) =>
      `${r.pick(['WeChat', 'Weibo', 'Xiaohongshu'])} content program ${y} ${half(m)}`,
  },
];

const byKind = new Map<PartnerKind, ProjectTemplate[]>();
for (const t of projectTemplates) {
  for (const k of t.kinds) byKind.set(k, [...(byKind.get(k) ?? []), t]);
}

export function pickTemplate(rng: Rng, kind: PartnerKind): ProjectTemplate {
  return rng.pick(byKind.get(kind) ?? projectTemplates);
}
