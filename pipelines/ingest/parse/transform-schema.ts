import { z } from 'zod';
import { dateFormats } from './date-patterns.ts';
import { VocabularyError, canonicalValues, resolveVocabulary } from './vocabulary-lookup.ts';
import { vocabularyNames } from './vocabularies.ts';

// The transform objects of a mapping file. The mapping validator reuses these schemas, so the
// messages are written for the person editing the mapping.

const noNul = (what: string) =>
  z.string().refine((s) => !s.includes('\u0000'), { error: `${what} must not contain NUL` });

const missing = z
  .array(noNul('a missing marker'), { error: 'missing must be a list of strings' })
  .optional()
  .describe('cell contents that mean "no value" (replaces the default list)');

const allowSuffixK = z
  .boolean({ error: 'allowSuffixK must be true or false' })
  .optional()
  .describe('accept k/K (thousand) and m/M (million) after the number');

export const DateTransform = z.strictObject({
  kind: z.literal('date'),
  format: z.enum(dateFormats, {
    error: `format must be one of: ${dateFormats.join(', ')}`,
  }),
  pivotYear: z
    .int({ error: 'pivotYear must be a whole number from 0 to 100' })
    .min(0, { error: 'pivotYear must be a whole number from 0 to 100' })
    .max(100, { error: 'pivotYear must be a whole number from 0 to 100' })
    .optional()
    .describe('two-digit years below it are 20yy, the others 19yy (default 69)'),
  missing,
});

export const NumberTransform = z.strictObject({ kind: z.literal('number'), allowSuffixK, missing });
export const MoneyTransform = z.strictObject({ kind: z.literal('money'), allowSuffixK, missing });
export const IntegerTransform = z.strictObject({
  kind: z.literal('integer'),
  allowSuffixK,
  missing,
});

export const PercentTransform = z.strictObject({
  kind: z.literal('percent'),
  scale: z
    .union([z.literal(1), z.literal(100)], { error: 'scale must be 1 or 100' })
    .optional()
    .describe('100: a bare 12.5 means 12.5% (0.125); 1 (default): a bare 0.125 is 0.125'),
  missing,
});

export const TextTransform = z.strictObject({
  kind: z.literal('text'),
  maxLength: z
    .int({ error: 'maxLength must be a positive whole number' })
    .positive({ error: 'maxLength must be a positive whole number' })
    .optional()
    .describe('longest accepted value, in Unicode code points'),
  missing,
});

const labels = z.record(noNul('a vocabulary label'), noNul('a vocabulary value').min(1), {
  error: 'must be an object of label -> value strings',
});

export const VocabularyTransform = z
  .strictObject({
    kind: z.literal('vocabulary'),
    vocabulary: z.union([z.enum(vocabularyNames), labels], {
      error: `vocabulary must be one of ${vocabularyNames.join(', ')} or an object of label -> value`,
    }),
    extend: labels.optional().describe('labels added to (or overriding) the vocabulary'),
    missing,
  })
  .superRefine((t, ctx) => {
    if (typeof t.vocabulary === 'string') {
      const allowed = canonicalValues(t.vocabulary);
      for (const [label, value] of Object.entries(t.extend ?? {})) {
        if (!allowed.includes(value)) {
          ctx.addIssue({
            code: 'custom',
            path: ['extend', label],
            message: `${JSON.stringify(value)} is not a ${t.vocabulary} value (one of: ${allowed.join(', ')})`,
          });
        }
      }
    }
    try {
      resolveVocabulary(t);
    } catch (e) {
      if (!(e instanceof VocabularyError)) throw e;
      ctx.addIssue({ code: 'custom', path: ['vocabulary'], message: e.message });
    }
  })
  .describe('a label mapped to a canonical value, ignoring case, spacing, `_` and `-`');

export const Transform = z.discriminatedUnion(
  'kind',
  [
    DateTransform,
    NumberTransform,
    MoneyTransform,
    IntegerTransform,
    PercentTransform,
    TextTransform,
    VocabularyTransform,
  ],
  { error: 'kind must be one of: date, number, money, integer, percent, text, vocabulary' },
);

export type DateTransform = z.infer<typeof DateTransform>;
export type NumberTransform = z.infer<typeof NumberTransform>;
export type MoneyTransform = z.infer<typeof MoneyTransform>;
export type IntegerTransform = z.infer<typeof IntegerTransform>;
export type PercentTransform = z.infer<typeof PercentTransform>;
export type TextTransform = z.infer<typeof TextTransform>;
export type VocabularyTransform = z.infer<typeof VocabularyTransform>;
export type Transform = z.infer<typeof Transform>;
export type NumericTransform =
  NumberTransform | MoneyTransform | IntegerTransform | PercentTransform;
