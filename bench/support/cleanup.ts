/** Something generating load that an interrupt must stop first (autocannon, the round-robin driver). */
export interface RunningLoad {
  stop(): void;
}

/** Undo steps, newest first: run on success, on error and on Ctrl-C. */
export class Cleanup {
  readonly #steps: Array<() => Promise<void>> = [];
  #load: RunningLoad | null = null;

  /** Registers an undo step and returns it, run at most once, to call early as well. */
  add(step: () => Promise<void>): () => Promise<void> {
    let done: Promise<void> | null = null;
    const once = () => (done ??= step());
    this.#steps.push(once);
    return once;
  }

  track = (load: RunningLoad | null): void => {
    this.#load = load;
  };

  /**
   * On Ctrl-C or SIGTERM: says what stops, runs the undo steps and exits 130. Returns whether
   * that happened, for a caller that must not report a run cut short.
   */
  stopOnSignals(what: string): () => boolean {
    let interrupted = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (interrupted) return;
      interrupted = true;
      console.error(`\n${signal}: stopping ${what}…`);
      void this.run().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return () => interrupted;
  }

  async run(): Promise<void> {
    this.#load?.stop();
    while (this.#steps.length > 0) {
      const step = this.#steps.pop();
      await step?.().catch((error: unknown) => console.error('cleanup:', error instanceof Error ? error.message : error));
    }
  }
}
