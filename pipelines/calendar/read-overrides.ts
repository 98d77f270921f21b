// File access for overrides lives apart from validation so the rest of the module stays pure.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CalendarOverridesError, parseOverrides } from './overrides.ts';
import type { CalendarOverrides } from './overrides.ts';

/** The override file shipped with the repository. */
export const DEFAULT_OVERRIDES_FILE = fileURLToPath(
  new URL('../../data/reference/calendar/overrides.json', import.meta.url),
);

export function readOverridesFile(path: string | URL = DEFAULT_OVERRIDES_FILE): CalendarOverrides {
  const origin = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CalendarOverridesError(origin, [`cannot be read (${(error as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalendarOverridesError(origin, [`is not valid JSON (${(error as Error).message})`]);
  }
  return parseOverrides(json, origin);
}
