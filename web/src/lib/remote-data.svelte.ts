import { isAbortError } from './api-error.ts';

type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

/**
 * One piece of remote data with its loading and error state. A new `load` aborts the previous request,
 * and the last good data stays visible while the next one loads (the page dims rather than flashes).
 */
export class RemoteData<T> {
  data = $state<T | undefined>(undefined);
  error = $state<unknown>(undefined);
  loading = $state(false);
  #controller: AbortController | undefined;
  #fetcher: Fetcher<T> | undefined;

  /** Starts a request; returns a function that aborts it (return it from an $effect). */
  load(fetcher: Fetcher<T>): () => void {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#fetcher = fetcher;
    this.loading = true;
    this.error = undefined;
    fetcher(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        this.data = data;
        this.error = undefined;
        this.loading = false;
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        this.error = error;
        this.loading = false;
      },
    );
    return () => controller.abort();
  }

  retry(): void {
    if (this.#fetcher) this.load(this.#fetcher);
  }
}
