// Coalesces concurrent single-item requests into one database round trip.
// At 100 calls starting at once, one statement for all of them instead of a
// hundred transactions: the per-query overhead, not the work, is what costs.
export interface Batcher<I, O> {
  load(item: I): Promise<O>;
}

/** Items collected while the event loop is busy are flushed together on the next tick. */
export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, maxBatch = 200): Batcher<I, O> {
  let queue: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length) schedule();
    run(batch.map((b) => b.item)).then(
      (out) => batch.forEach((b, i) => b.resolve(out[i] as O)),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  }
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }
  return {
    load(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length >= maxBatch) {
          const full = queue;
          queue = [];
          run(full.map((b) => b.item)).then((out) => full.forEach((b, i) => b.resolve(out[i] as O)), (err: unknown) => full.forEach((b) => b.reject(err)));
        } else schedule();
      });
    },
  };
}
