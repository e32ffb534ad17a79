import v8 from 'node:v8';

/**
 * Counts the bytes this process allocates on its JavaScript heap from now until `stop()`: the
 * heap's growth between collections, plus what each collection found already there. Exact up to
 * what is allocated straight into the old generation and freed by a collection mid-way, which a
 * request's short-lived objects never are. Nothing is sampled: unlike CPU time, two runs of the
 * same code count nearly the same bytes, however busy the machine.
 */
export function heapAllocation(): { stop(): number } {
  const profiler = new v8.GCProfiler();
  const startUsed = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  return {
    stop() {
      const { statistics } = profiler.stop();
      const endUsed = v8.getHeapStatistics().used_heap_size;
      let allocated = 0;
      let used = startUsed;
      for (const gc of statistics) {
        allocated += Math.max(0, gc.beforeGC.heapStatistics.usedHeapSize - used);
        used = gc.afterGC.heapStatistics.usedHeapSize;
      }
      return allocated + Math.max(0, endUsed - used);
    },
  };
}
