import { parseArgs } from 'node:util';
import {
  checkAnswer,
  incentiveAnswer,
  refineAnswer,
  splitAnswer,
} from '../advise/advice-answers.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { backtestAdvice, type BacktestModel, type HeldOut } from '../advise/backtest-advice.ts';
import { prepareAdvice } from '../advise/prepare-advice.ts';
import { backtestReport } from '../advise/backtest-report.ts';
import { adviceReport } from '../advise/report-text.ts';
import { readConfig } from '../config.ts';
import { loadDemo } from '../demo/index.ts';
import { createForecastCache } from '../models/predict/forecast-context.ts';
import { productModelFrom, trainProductModel } from '../models/product-model.ts';
import { queryRows } from '../warehouse/query.ts';
import { AdviceLang, IncentiveClauses, SplitConstraints } from '../schema/advice.ts';
import { ensureMartsCurrent } from '../warehouse/marts-queue.ts';
import { openWarehouse, type Warehouse } from '../warehouse/warehouse.ts';
import { UsageError, type Command } from './command.ts';

async function contractReport(
  wh: Warehouse,
  id: string,
  v: { confidence: number; seed: number; runs: number; lang: AdviceLang },
) {
  return wh.withConnection(async (conn) => {
    const forecast = await createForecastCache().get(conn, null);
    const p = await prepareAdvice(
      conn,
      { contractId: id },
      { scope: null, confidence: v.confidence, lang: v.lang, forecast },
    );
    if (!p) throw new UsageError(`no contract ${id}`);
    const sim = { seed: v.seed, runs: v.runs };
    const clauses = p.clauses ?? IncentiveClauses.parse({});
    return adviceReport({
      check: checkAnswer(p),
      refine: refineAnswer(p),
      split: splitAnswer(p, SplitConstraints.parse({}), sim),
      incentives: incentiveAnswer(p, clauses, sim),
    });
  });
}

/** Trains on history up to the cutoff only, so the held-out period stays unseen. */
async function modelAtCutoff(conn: DuckDBConnection, cutoff: string): Promise<BacktestModel> {
  console.error(`training a model on history before ${cutoff} ...`);
  const trained = await trainProductModel(conn, { asOf: cutoff });
  const fx = await queryRows<{ currency: string; r: number }>(
    conn,
    `SELECT currency, arg_max(usd_per_unit, valid_from) AS r FROM fx_rates
     WHERE valid_from <= $cutoff::DATE GROUP BY currency`,
    { cutoff },
  );
  return {
    model: productModelFrom(trained.params),
    table: trained.table,
    usdPerUnit: Object.fromEntries(fx.map((x) => [x.currency, x.r])),
  };
}

const options = {
  contract: { type: 'string' },
  backtest: { type: 'boolean', default: false },
  cutoff: { type: 'string', default: '2025-01-01' },
  'held-out': { type: 'string', default: 'contracts' },
  demo: { type: 'boolean', default: false },
  model: { type: 'boolean', default: false },
  scale: { type: 'string', default: '25000' },
  confidence: { type: 'string', default: '0.8' },
  seed: { type: 'string' },
  runs: { type: 'string', default: '2000' },
  lang: { type: 'string', default: 'en' },
  db: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];

/** The backtest figures, on the warehouse or on a fresh demo (`--demo`), printed then as JSON. */
async function backtest(wh: Warehouse, values: Values, confidence: number) {
  if (values.demo)
    await loadDemo(wh, { seed: Number(values.seed ?? 42), milestones: Number(values.scale) });
  const b = await wh.withConnection(async (conn) =>
    backtestAdvice(conn, {
      cutoff: values.cutoff,
      confidence,
      heldOut: values['held-out'] as HeldOut,
      ...(values.model ? { model: await modelAtCutoff(conn, values.cutoff) } : {}),
    }),
  );
  console.log(backtestReport(b));
  console.log(JSON.stringify(b));
}

export const adviseCommand: Command = {
  name: 'advise',
  summary: "Check a contract's milestones and suggest definitions, payment split and incentives",
  usage:
    'milepost advise --contract <id> [--confidence 0.8] [--lang en|zh] [--seed N] [--runs N] [--db PATH]\n       milepost advise --backtest [--cutoff YYYY-MM-DD] [--held-out contracts|milestones] [--model] [--demo [--scale N] [--seed N]] [--db PATH]',
  async run(args) {
    const { values } = parseArgs({ args, options });
    const confidence = Number(values.confidence);
    const runs = Number(values.runs);
    if (!(confidence >= 0.5 && confidence <= 0.99))
      throw new UsageError('--confidence must be 0.5-0.99');
    if (!Number.isInteger(runs) || runs < 200 || runs > 20000)
      throw new UsageError('--runs must be 200-20000');
    const lang = AdviceLang.safeParse(values.lang);
    if (!lang.success) throw new UsageError('--lang must be en or zh');
    if (!['contracts', 'milestones'].includes(values['held-out']))
      throw new UsageError('--held-out must be contracts or milestones');
    if (!values.backtest && !values.contract)
      throw new UsageError('give --contract <id> or --backtest');
    const wh = await openWarehouse(
      values.demo ? ':memory:' : (values.db ?? readConfig(process.env).dbPath),
    );
    await ensureMartsCurrent(wh);
    try {
      if (values.backtest) await backtest(wh, values, confidence);
      else {
        const v = { confidence, runs, seed: Number(values.seed ?? 1), lang: lang.data };
        console.log(await contractReport(wh, values.contract!, v));
      }
      return 0;
    } finally {
      await wh.close();
    }
  },
};
