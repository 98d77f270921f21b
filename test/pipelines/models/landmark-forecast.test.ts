// On a fixture where revision rounds are the truth (round k asks for 3k days of rework, and
// another round follows with probability 0.4 whatever came before), an open milestone on its third
// revision round must be forecast later, more likely late, and say why, than one on its first
// round at the same age.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import {
  forecastRows,
  openRows,
  type OpenMilestoneForecast,
} from '../../../pipelines/models/predict/milestone-forecasts.ts';
import { productModelFrom, trainProductModel } from '../../../pipelines/models/product-model.ts';
import { Rng } from '../../../pipelines/random/prng.ts';
import * as R from '../../../pipelines/schema/records.ts';
import type { Milestone, MilestoneEvent } from '../../../pipelines/schema/records.ts';
import { insertRecords } from '../../../pipelines/warehouse/insert-records.ts';
import { refreshMarts } from '../../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../../pipelines/warehouse/warehouse.ts';

const asOf = '2024-12-31';
const plannedDays = 24;

function milestone(id: string, start: number, status: Milestone['status']): Milestone {
  return {
    milestoneId: id,
    projectId: 'J1',
    contractId: 'C1',
    brandId: 'B1',
    partnerId: 'P1',
    name: id,
    type: 'creative',
    acceptanceCriteria: null,
    plannedStart: fromDayNumber(start),
    actualStart: fromDayNumber(start),
    baselineDue: fromDayNumber(start + plannedDays),
    currentDue: fromDayNumber(start + plannedDays),
    amount: 1000,
    share: 0.01,
    status,
    attributes: {},
  };
}

/**
 * Submitted on day `s`; each revision request comes the day after a submission, round k's
 * resubmission 3k days after its request; approval the day after the last submission. Events
 * after day `until` (an open milestone's age) are left out, and so is the approval then.
 */
function events(id: string, start: number, s: number, rounds: number, until = Infinity) {
  const out: MilestoneEvent[] = [];
  const add = (kind: MilestoneEvent['kind'], day: number) => {
    if (day <= until) {
      const eventDate = fromDayNumber(start + day);
      out.push({ eventId: `${id}-${out.length}`, milestoneId: id, kind, eventDate, actor: null });
    }
  };
  let day = s;
  add('submitted', day);
  for (let k = 1; k <= rounds; k++) {
    add('revision_requested', (day += 1));
    add('submitted', (day += 3 * k));
  }
  if (until === Infinity) add('approved', day + 1);
  return out;
}

async function fixture(): Promise<Warehouse> {
  const first = toDayNumber('2023-01-02');
  const milestones: Milestone[] = [];
  const evs: MilestoneEvent[] = [];
  const rng = new Rng(11);
  for (let i = 0; i < 1500; i++) {
    const start = first + Math.floor(i * 0.4);
    const id = `M${i}`;
    let rounds = 0;
    while (rounds < 4 && rng.chance(0.4)) rounds++;
    milestones.push(milestone(id, start, 'approved'));
    evs.push(...events(id, start, rng.int(4, 20), rounds));
  }
  // Two open milestones of the same age (16 days of 24), both just asked for a revision: ONE for the
  // first time (submitted on day 15), THREE for the third (submitted on day 4).
  const start = toDayNumber(asOf) - 16;
  milestones.push(
    milestone('ONE', start, 'revision_requested'),
    milestone('THREE', start, 'revision_requested'),
  );
  evs.push(...events('ONE', start, 15, 4, 16), ...events('THREE', start, 4, 4, 16));
  const wh = await openWarehouse(':memory:');
  await wh.withConnection(async (conn) => {
    await insertRecords(
      conn,
      {
        brands: [R.Brand.parse({ brandId: 'B1', name: 'Brand', homeCurrency: 'USD' })],
        partners: [R.Partner.parse({ partnerId: 'P1', name: 'Partner', kind: 'agency' })],
        contracts: [
          R.Contract.parse({
            contractId: 'C1',
            brandId: 'B1',
            partnerId: 'P1',
            pricingModel: 'milestone',
            value: 900_000,
            currency: 'USD',
            signedDate: '2023-01-01',
            paymentTermsDays: 30,
          }),
        ],
        projects: [
          R.Project.parse({ projectId: 'J1', contractId: 'C1', brandId: 'B1', name: 'Project' }),
        ],
        milestones: milestones.map((m) => R.Milestone.parse(m)),
        events: evs.map((e) => R.MilestoneEvent.parse(e)),
      },
      'fixture',
    );
    await refreshMarts(conn);
  });
  return wh;
}

describe('in-flight forecasts from landmark rows', () => {
  let wh: Warehouse;
  let byId: Map<string, OpenMilestoneForecast>;
  beforeAll(async () => {
    wh = await fixture();
    const trained = await wh.withConnection((c) => trainProductModel(c, { asOf }));
    const model = productModelFrom(trained.params);
    const forecasts = forecastRows(model, trained.table, openRows(trained.table), asOf);
    byId = new Map(forecasts.map((f) => [f.milestoneId, f]));
    expect(trained.params.numeric).toContain('revision_rounds');
  }, 120_000);
  afterAll(() => wh.close());

  it('forecasts the milestone on its third round later and more likely late', () => {
    const one = byId.get('ONE')!;
    const three = byId.get('THREE')!;
    // Truth (due on day 24): ONE is approved on day 20 (60%), else late; THREE on day 26 or 39.
    expect(three.delivery.p80 > one.delivery.p80).toBe(true);
    expect(three.delivery.p50 > one.delivery.p50).toBe(true);
    expect(three.pLate).toBeGreaterThan(one.pLate + 0.25);
  });

  it('names the revision rounds among the reasons of its P(late)', () => {
    const three = byId.get('THREE')!;
    const rounds = three.lateFactors.find((f) => f.feature === 'revision_rounds');
    expect(rounds?.value).toBe(3);
    expect(rounds?.effect).toBeGreaterThan(0);
  });
});
