import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stage, useConnection } from './read-helpers.ts';

// The real exports in ../shared/data/real (see its README). CI has ../shared beside the checkout,
// so there a missing folder is a failure, not a skip.
const REAL = fileURLToPath(new URL('../../../../../shared/data/real/', import.meta.url));
const present = existsSync(REAL);
if (!present && process.env.CI === 'true') {
  throw new Error(`CI=true but the real datasets are missing at ${REAL}`);
}

const cases: { file: string; rows: number; encoding: string; header: string }[] = [
  {
    file: 'sip/Sip-task-info.csv',
    rows: 12_299,
    encoding: 'windows-1252', // curly quotes and dashes from Word, e.g. "doesn\x92t"
    header:
      'TaskNumber,Summary,Priority,RaisedByID,AssignedToID,AuthorisedByID,StatusCode,ProjectCode,ProjectBreakdownCode,Category,SubCategory,HoursEstimate,HoursActual,DeveloperID,DeveloperHoursActual,TaskPerformance,DeveloperPerformance',
  },
  {
    file: 'adb/adb_success_rate.csv',
    rows: 1_019,
    encoding: 'utf-8', // with a BOM, and multi-line quoted values
    header:
      'projectid_head,projectid1,projectid2,projectid3,projectid4,countrycode,countryname,region,countryclassification_current,countryclassification_at_approval,projectname,modality,mode_of_fin_assistance,modality_financing,funding_source,approved_amount_usd_m,disbursed_amonut_usd_m,committed_amount_usd_m,approvaldate,approvalyear,loangisnged,loaneffective_initial,loaneffective_final,closingdate_initial,closingdate_final,cofin_approval_usd_m,cofin_act_usd_m,totalcost_initial,totalcost_final,sector1,sector1a,sector2,sector2a,ied_overall_rating,ied_relevance,ied_effectiveness,ied_efficiency,ied_sustainability,ied_borrower_performance,ied_ea_performance,ied_adb_performance',
  },
  {
    file: 'nyc/NYC_capital_projects_20190901.csv',
    rows: 2_259,
    encoding: 'utf-8',
    header:
      'Date Reported As Of,PID,Project Name,Description,Category,Borough,Managing Agency,Client Agency,Current Phase,Design Start,Budget Forecast,Latest Budget Changes,Total Budget Changes,Forecast Completion,Latest Schedule Changes,Total Schedule Changes',
  },
  {
    file: 'delayed_issues/apache_due.csv',
    rows: 6_289,
    encoding: 'utf-8',
    header:
      'issuekey,delaydays,openeddate,type,discussion,repetition,perofdelay,workload,priority,no_comment,no_priority_change,no_fixversion,no_fixversion_change,no_issuelink,no_blocking,no_blockedby,no_affectversion,reporterrep,no_des_change,ProgressTime,RemainingDay,topic_10,topic_100,topic_200,topic_300,topic_400',
  },
];

const conn = useConnection();

describe.skipIf(!present)('stageFile on the real datasets', () => {
  for (const c of cases) {
    it(`stages ${c.file}: every row, the header names, and lines a person can open`, async () => {
      const path = REAL + c.file;
      const { result, rows } = await stage(conn(), path, { format: 'auto' });
      expect(result).toMatchObject({
        format: 'csv',
        encoding: c.encoding,
        delimiter: ',',
        rejects: [],
      });
      expect(result.rowsRead).toBe(c.rows);
      expect(result.rowsStaged).toBe(c.rows);
      expect(result.columns).toEqual(c.header.split(','));
      // Each row's source_line is the physical line where it starts, even after multi-line values.
      const lines = readFileSync(path, 'latin1').split('\n');
      const first = result.columns[0] ?? '';
      const misplaced = rows.filter(
        (r) => !lines[Number(r.source_line) - 1]?.startsWith(String(r[first] ?? '')),
      );
      expect(misplaced).toEqual([]);
      expect(new Set(rows.map((r) => r.source_line)).size).toBe(c.rows);
    });
  }

  it('counts more physical lines than rows in the files with multi-line values', async () => {
    const { rows } = await stage(conn(), `${REAL}adb/adb_success_rate.csv`, { format: 'csv' });
    const last = rows.at(-1)?.source_line;
    expect(last).toBeGreaterThan(rows.length + 1);
  });
});
