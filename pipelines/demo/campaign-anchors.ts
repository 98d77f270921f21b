// Peak days that campaigns are planned around: 11.11, 618, 12.12, and the last days before the
// Chinese New Year shutdown (gifting campaigns must be live before partners go home).
import { chinaCalendar } from '../calendar/index.ts';
import type { Calendar } from '../calendar/index.ts';
import { dayOf, yearOf } from './day-number.ts';
import type { Anchor } from './project-templates.ts';

export type AnchorFinder = (anchor: Anchor, onOrAfter: number) => number;

function anchorsOfYear(calendar: Calendar, year: number): Record<Anchor, number> {
  const cny = calendar
    .periodsBetween(`${year}-01-01`, `${year}-03-01`)
    .find((p) => p.name === 'cny');
  return {
    double11: dayOf(`${year}-11-11`),
    '618': dayOf(`${year}-06-18`),
    double12: dayOf(`${year}-12-12`),
    cny: cny ? dayOf(cny.start) + 3 : dayOf(`${year}-01-25`),
  };
}

/** A finder with the anchors of each year cached. */
export function anchorFinder(calendar: Calendar = chinaCalendar): AnchorFinder {
  const cache = new Map<number, Record<Anchor, number>>();
  const of = (year: number): Record<Anchor, number> => {
    let a = cache.get(year);
    if (!a) cache.set(year, (a = anchorsOfYear(calendar, year)));
    return a;
  };
  return (anchor, onOrAfter) => {
    const year = yearOf(onOrAfter);
    const thisYear = of(year)[anchor];
    return thisYear >= onOrAfter ? thisYear : of(year + 1)[anchor];
  };
}
