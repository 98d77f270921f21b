// The state of a card showing one answer: error first, then loading (no answer yet), then empty.

export type DataState = 'loading' | 'ready' | 'empty' | 'error';

export function dataState<T>(
  data: T | undefined,
  error: unknown,
  isEmpty: (data: T) => boolean,
): DataState {
  if (error !== undefined) return 'error';
  if (data === undefined) return 'loading';
  return isEmpty(data) ? 'empty' : 'ready';
}
