import { createFormat } from '../format.ts';
import { en, type Messages } from './en.ts';

// One place to pick the dictionary; a later change adds zh-CN and a locale switch.
export const messages: Messages = en;
export type { Messages };

/** Number and date formatting for the active dictionary's locale. */
export const format = createFormat(messages.locale);
