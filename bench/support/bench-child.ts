import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { ControlMessage, ServerMessage } from './server-protocol.js';

/** Often enough to catch a peak within a block; rarer would miss it, more often costs CPU. */
const RSS_SAMPLE_MS = 100;

export interface BenchChild {
  /** The port the child's HTTP server listens on, on 127.0.0.1. */
  port: number;
  /** Stops serving and releases what the server holds (pools, stores); the process then exits. */
  close(): Promise<void>;
}

/**
 * The child's side of the parent's IPC channel (see server-protocol.ts), for every server the
 * benchmark starts in a process of its own: says where it listens, answers CPU and RSS samples,
 * records CPU profiles on request, and stops when asked, on a signal, or when the parent goes.
 */
export function serveBenchChild(child: BenchChild): void {
  if (!process.send) throw new Error('a benchmark server is started by bench/run.ts, with an IPC channel');
  const send = (message: ServerMessage) => process.send?.(message);

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  sampler.unref();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    setTimeout(() => process.exit(1), 5000).unref();
    // A clean exit, so that --cpu-prof writes its profile.
    child.close().finally(() => process.exit(0));
  };
  const profiler = new Session();
  process.on('message', (message: ControlMessage) => {
    if (message.type === 'stop') stop();
    if (message.type === 'profile-start') {
      profiler.connect();
      void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
    }
    if (message.type === 'profile-stop') {
      void profiler
        .post('Profiler.stop')
        .then(({ profile }) => writeFile(message.file, JSON.stringify(profile)))
        .then(() => {
          profiler.disconnect();
          send({ type: 'profile-written', file: message.file });
        });
    }
    if (message.type === 'sample') {
      const cpu = process.cpuUsage();
      const rss = process.memoryUsage.rss();
      send({ type: 'sample', cpuUserUs: cpu.user, cpuSystemUs: cpu.system, peakRssBytes: Math.max(peakRss, rss), maxRssBytes: process.resourceUsage().maxRSS * 1024 });
      peakRss = rss;
    }
  });
  // The parent went away (even killed): never outlive it.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  send({ type: 'listening', port: child.port });
}
