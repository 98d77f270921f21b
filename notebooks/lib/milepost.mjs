// The one door from a notebook cell into Milepost's TypeScript. Cells load it with
// `require('./lib/milepost.mjs')` rather than `import`: tslab type-checks cells with its own
// TypeScript 5.0 and follows static imports into the files they name, which fails on this repo's
// `.ts` import paths (and on TypeScript 6 syntax). `require` is neither followed nor checked, and
// Node >= 20.19 loads this ES module synchronously. It registers tsx, so everything it imports is
// the repo's real, unit-tested TypeScript compiled on the fly.
import { register } from 'tsx/esm/api';

register();

/** The notebook API (notebook-api.ts): pipelines/ functions plus chart and export helpers. */
export function milepost() {
  return import('./notebook-api.ts');
}

/** The advice engine (advice-api.ts): payment-split optimiser and its helpers. */
export function advice() {
  return import('./advice-api.ts');
}
