// What the payment-split notebook calls besides notebook-api.ts: the advice engine
// (pipelines/advise) and the helpers that shape its answer. Kept apart so that the other notebooks
// do not load the advice engine.
export { prepareAdvice } from '../../pipelines/advise/prepare-advice.ts';
export { splitAnswer } from '../../pipelines/advise/advice-answers.ts';
export { SplitConstraints } from '../../pipelines/schema/advice.ts';
export {
  splitContract,
  frontierSeries,
  pointSeries,
  recommendOn,
  splitRow,
} from './split-frontier.ts';
