// Two tenants for isolation tests: every id and name of brand B contains "bravo", so a single
// case-insensitive search finds any leak. Brand A is "alpha"; one partner ("Shared Agency",
// P-SHARED) works for both, as partners do in real data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../pipelines/ingest/load/import-file.ts';
import { parseMapping } from '../../pipelines/ingest/mapping/load-mapping.ts';
import * as R from '../../pipelines/schema/records.ts';
import { insertRecords } from '../../pipelines/warehouse/insert-records.ts';
import { refreshMarts } from '../../pipelines/warehouse/refresh-marts.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';

export interface Tenant {
  brandId: string;
  brandName: string;
  partnerId: string;
  contractId: string;
  projectId: string;
  milestoneIds: string[];
  /** The seed load and the imported one (with quarantined rows). */
  loadIds: string[];
}

export interface TwoBrands {
  warehouse: Warehouse;
  a: Tenant;
  b: Tenant;
}

// 18 months x 2 contracts x 4 milestones per brand: enough settled history to train a model on.
const months = Array.from({ length: 18 }, (_, i) => {
  const d = new Date(Date.UTC(2023, i, 1));
  return d.toISOString().slice(0, 7);
});
const perMonth = 4;

function records(key: 'alpha' | 'bravo', label: string) {
  const up = key.toUpperCase();
  const brandId = key;
  const own = `P-${up}-1`;
  const contracts = [own, 'P-SHARED'].map((partnerId, i) =>
    R.Contract.parse({
      contractId: `C-${up}-${i + 1}`,
      brandId,
      partnerId,
      pricingModel: i === 0 ? 'milestone' : 'retainer',
      value: 50_000,
      currency: 'CNY',
      signedDate: '2022-12-01',
      paymentTermsDays: 30,
    }),
  );
  const projects = contracts.map((c, i) =>
    R.Project.parse({
      projectId: `J-${up}-${i + 1}`,
      contractId: c.contractId,
      brandId,
      name: `${label} project ${i + 1}`,
    }),
  );
  const milestones = milestonesOf(up, label, contracts, projects);
  return { brandId, own, contracts, projects, milestones };
}

/** Four milestones a month per contract; all but the last two months are approved. */
function milestonesOf(up: string, label: string, contracts: R.Contract[], projects: R.Project[]) {
  const last = months.length - 1;
  return months.flatMap((m, mi) =>
    contracts.flatMap((c, ci) =>
      Array.from({ length: perMonth }, (_, k) =>
        R.Milestone.parse({
          milestoneId: `M-${up}-${mi + 1}-${ci + 1}-${k + 1}`,
          projectId: projects[ci]!.projectId,
          contractId: c.contractId,
          brandId: c.brandId,
          partnerId: c.partnerId,
          name: `${label} milestone ${mi + 1}.${ci + 1}.${k + 1}`,
          type: ci === 0 ? 'creative' : 'kol_seeding',
          plannedStart: `${m}-01`,
          baselineDue: `${m}-10`,
          currentDue: `${m}-${String(10 + ((k * 3 + mi + ci) % 9)).padStart(2, '0')}`,
          amount: 5000,
          share: 0.05,
          status: mi < last - 1 ? 'approved' : mi === last - 1 ? 'submitted' : 'planned',
        }),
      ),
    ),
  );
}

function activity(ms: R.Milestone[]) {
  const done = ms.filter((m) => m.status === 'approved' || m.status === 'submitted');
  const events = done.flatMap((m) => {
    const submitted = R.MilestoneEvent.parse({
      eventId: `${m.milestoneId}-sub`,
      milestoneId: m.milestoneId,
      kind: 'submitted',
      eventDate: m.currentDue,
    });
    if (m.status !== 'approved') return [submitted];
    const approved = { ...submitted, eventId: `${m.milestoneId}-ok`, kind: 'approved' as const };
    return [submitted, approved];
  });
  const approved = ms.filter((m) => m.status === 'approved');
  const payments = approved.map((m) =>
    R.Payment.parse({
      paymentId: `${m.milestoneId}-pay`,
      contractId: m.contractId,
      brandId: m.brandId,
      milestoneId: m.milestoneId,
      kind: 'milestone',
      amount: m.amount,
      currency: 'CNY',
      paidDate: m.currentDue.replace(/-\d\d$/, '-28'),
    }),
  );
  const disputes = approved
    .filter((_, i) => i % 7 === 0)
    .map((m) =>
      R.Dispute.parse({
        disputeId: `${m.milestoneId}-dsp`,
        milestoneId: m.milestoneId,
        brandId: m.brandId,
        openedDate: m.currentDue,
        reason: 'quality',
        amount: 500,
      }),
    );
  return { events, payments, disputes };
}

async function seed(wh: Warehouse, key: 'alpha' | 'bravo', label: string): Promise<Tenant> {
  const r = records(key, label);
  const partner = R.Partner.parse({
    partnerId: r.own,
    name: `${label} Partner Co`,
    kind: 'agency',
    city: 'Shanghai',
  });
  const seedLoad = `load-${key}-seed`;
  await wh.withConnection(async (conn) => {
    const brand = R.Brand.parse({ brandId: r.brandId, name: label });
    await insertRecords(conn, { brands: [brand], partners: [partner] }, seedLoad);
    const { contracts, projects, milestones } = r;
    await insertRecords(
      conn,
      { contracts, projects, milestones, ...activity(milestones) },
      seedLoad,
    );
    await conn.run(
      `INSERT INTO loads (load_id, source, brand_id, started_at, finished_at, status, as_of_date)
       VALUES ($id, $source, $brand, now(), now(), 'succeeded', DATE '2024-06-30')`,
      { id: seedLoad, source: `${key}-seed.json`, brand: r.brandId },
    );
  });
  const imported = await importQuarantined(wh, key);
  return {
    brandId: r.brandId,
    brandName: label,
    partnerId: r.own,
    contractId: r.contracts[0]!.contractId,
    projectId: r.projects[0]!.projectId,
    milestoneIds: r.milestones.map((m) => m.milestoneId),
    loadIds: [seedLoad, imported],
  };
}

/** A small import per brand, with one bad row each, so load history and quarantine have rows. */
async function importQuarantined(wh: Warehouse, key: 'alpha' | 'bravo'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-two-brands-'));
  const up = key.toUpperCase();
  const file = join(dir, `${key}-export.csv`);
  writeFileSync(
    file,
    `id,partner,due,amount\nM-${up}-X1,P-${up}-1,2024-07-10,100\nM-${up}-X2,P-${up}-1,2024-02-30,5\n`,
  );
  const mapping = {
    name: `${key}-mapping`,
    brand: { constant: key },
    fields: {
      milestoneId: { column: 'id' },
      partnerId: { column: 'partner' },
      baselineDue: { column: 'due' },
      amount: { column: 'amount' },
    },
  };
  try {
    const result = await importFile(wh, file, {
      mapping: parseMapping(mapping, `${key}-mapping`),
      sourceName: `${key}-export.csv`,
      asOf: '2024-06-30',
    });
    return result.loadId;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An in-memory warehouse with brands "alpha" (A) and "bravo" (B), marts refreshed. */
export async function twoBrandWarehouse(): Promise<TwoBrands> {
  const warehouse = await openWarehouse(':memory:');
  const shared = R.Partner.parse({
    partnerId: 'P-SHARED',
    name: 'Shared Agency',
    kind: 'kol_network',
  });
  await warehouse.withConnection((conn) => insertRecords(conn, { partners: [shared] }, null));
  const a = await seed(warehouse, 'alpha', 'Alpha Foods');
  const b = await seed(warehouse, 'bravo', 'Bravo Motors');
  await warehouse.withConnection((conn) => refreshMarts(conn));
  return { warehouse, a, b };
}
