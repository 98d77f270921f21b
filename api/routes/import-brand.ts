import type { Mapping } from '../../pipelines/ingest/mapping/mapping-schema.ts';
import { ApiError } from '../errors.ts';
import type { BrandScope } from '../scope.ts';

/**
 * A brand-scoped caller may load rows only for its own brands, so the load's brand must be known
 * before reading a row: the `brand` field, or a constant brand in the mapping. A mapping that takes
 * the brand from a column could write any brand, so only an all-brands token may use it.
 */
export function assertImportBrand(
  scope: BrandScope,
  brand: string | undefined,
  mapping: Mapping,
): void {
  if (scope === null) return;
  const fromMapping =
    mapping.brand && 'constant' in mapping.brand ? String(mapping.brand.constant) : undefined;
  const target = brand ?? fromMapping;
  if (target !== undefined && scope.includes(target)) return;
  throw new ApiError(
    403,
    'forbidden_brand',
    `This token may import only for ${scope.join(', ')}: give one of them as \`brand\``,
  );
}
