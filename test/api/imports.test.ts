import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { bearer, testToken } from '../support/test-token.ts';

const csv = [
  'id,partner,due,done,amount',
  'M1,P1,2024-03-10,2024-03-12,100',
  'M2,P1,2024-03-15,,-1',
  'M3,P2,2024-02-30,,5',
].join('\n');

const mappingJson = JSON.stringify({
  name: 'upload-test',
  brand: { constant: 'acme' },
  fields: {
    milestoneId: { column: 'id' },
    partnerId: { column: 'partner' },
    baselineDue: { column: 'due' },
    approvedDate: { column: 'done' },
    amount: { column: 'amount' },
  },
});

// The same mapping as YAML, as a user would write it by hand.
const mappingYaml = `# an upload's own mapping
name: upload-test
brand: { constant: acme }
fields:
  milestoneId: { column: id }
  partnerId: { column: partner }
  baselineDue: { column: due }
  approvedDate: { column: done }
  amount: { column: amount }
`;

function form(fields: Record<string, string | Blob>, name = 'export.csv'): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof Blob) f.append(k, v, name);
    else f.append(k, v);
  }
  return f;
}

describe('imports API', () => {
  let wh: Warehouse;
  let app: ReturnType<typeof createApp>;
  let auth: { headers: { Authorization: string } };
  beforeAll(async () => {
    wh = await openWarehouse(':memory:');
    app = createApp({ warehouse: wh, version: 'test', log: () => {}, uploadLimitBytes: 4096 });
    // A planner scoped to the brand the uploads are for.
    await wh.withConnection((c) =>
      c.run(`INSERT INTO brands (brand_id, name) VALUES ('acme', 'Acme')`),
    );
    auth = { headers: bearer(await testToken(wh, 'planner', ['acme'])) };
  });
  afterAll(() => wh.close());
  const post = (body: FormData) => app.request('/api/imports', { method: 'POST', body, ...auth });
  const get = (path: string) => app.request(path, auth);

  it('validates and counts on a dry run without writing', async () => {
    const res = await post(form({ file: new Blob([csv]), mappingJson, dryRun: 'true' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { dryRun: boolean; counts: Record<string, number> };
    expect(body.dryRun).toBe(true);
    expect(body.counts).toMatchObject({ read: 3, inserted: 1, quarantined: 2 });
    const list = (await (await get('/api/imports')).json()) as { loads: unknown[] };
    expect(list.loads).toHaveLength(0);
  });

  it('takes the mapping as YAML too, with the same result', async () => {
    const res = await post(form({ file: new Blob([csv]), mappingYaml, dryRun: 'true' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { counts: Record<string, number> };
    expect(body.counts).toMatchObject({ read: 3, inserted: 1, quarantined: 2 });
  });

  let loadId = '';
  it('imports an upload and lists it with its counts', async () => {
    const res = await post(form({ file: new Blob([csv]), mappingJson }));
    expect(res.status).toBe(201);
    loadId = ((await res.json()) as { loadId: string }).loadId;
    const list = (await (await get('/api/imports')).json()) as {
      loads: {
        loadId: string;
        source: string;
        read: number;
        quarantined: number;
        status: string;
      }[];
    };
    expect(list.loads[0]).toMatchObject({
      loadId,
      source: 'export.csv',
      read: 3,
      quarantined: 2,
      status: 'succeeded',
    });
  });

  it('pages the quarantine and exports it as CSV', async () => {
    const page = (await (await get(`/api/imports/${loadId}/quarantine?limit=1`)).json()) as {
      total: number;
      rows: { sourceLine: number; rule: string }[];
    };
    expect(page.total).toBe(2);
    expect(page.rows).toEqual([
      expect.objectContaining({ sourceLine: 3, rule: 'negative_amount' }),
    ]);
    const res = await get(`/api/imports/${loadId}/quarantine?format=csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe('source_file,source_line,rule,column,value,message,row_data');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('impossible_date');
  });

  it('answers 404 for an unknown load', async () => {
    const res = await get('/api/imports/nope/quarantine');
    expect(res.status).toBe(404);
  });

  it.each([
    [{ mappingJson: '{' }, 400, 'invalid_mapping'],
    [{ mappingYaml: 'fields: [unclosed' }, 400, 'invalid_mapping'],
    [{ mappingYaml: 'name: x\nfields: {}\n' }, 400, 'invalid_mapping'],
    [{ mappingJson, mappingYaml }, 400, 'invalid_parameter'],
    [{ mappingJson: JSON.stringify({ name: 'x', fields: {} }) }, 400, 'invalid_mapping'],
    [{ mapping: 'no-such-mapping' }, 400, 'invalid_mapping'],
    [{}, 400, 'invalid_parameter'],
  ])('rejects a bad mapping %j with %i', async (fields, status, code) => {
    const res = await post(form({ file: new Blob([csv]), ...fields }));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('says where an inline YAML mapping breaks', async () => {
    const res = await post(form({ file: new Blob([csv]), mappingYaml: 'name: x\nfields: [a\n' }));
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/^mappingYaml is not valid YAML: .*line \d+/);
  });

  it('answers 422 when the file cannot be loaded, naming the missing column', async () => {
    const res = await post(form({ file: new Blob(['id,partner\nM9,P1\n']), mappingJson }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('missing_column');
    expect(body.error.message).toContain("'due'");
  });

  it('answers 413 above the upload limit', async () => {
    const res = await post(form({ file: new Blob(['x'.repeat(10_000)]), mappingJson }));
    expect(res.status).toBe(413);
  });
});
