// Child process of the kill tests (kill-helpers.ts): imports a file into a file-backed warehouse
// and reports each phase on stdout, so the parent can kill it with SIGKILL in the middle of a load.
import { importFile } from '../../../../pipelines/ingest/load/import-file.ts';
import { openWarehouse } from '../../../../pipelines/warehouse/warehouse.ts';
import { erpMapping } from './import-helpers.ts';

const [db, file] = process.argv.slice(2) as [string, string];
const wh = await openWarehouse(db);
await importFile(wh, file, {
  mapping: erpMapping,
  onProgress: (p) => process.stdout.write(`phase:${p.phase}\n`),
});
process.stdout.write('finished\n');
await wh.close();
