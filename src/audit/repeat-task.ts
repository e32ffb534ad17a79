/**
 * Runs `task` every `intervalMs` without keeping the process alive. A tick while the last run is
 * still going (a slow database) is skipped rather than queued; `stop()` waits for a run in
 * progress. `task` handles its own errors.
 */
export function repeatTask(task: () => Promise<void>, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= task().finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
