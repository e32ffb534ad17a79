import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ControlMessage, ServerMessage } from './server-protocol.js';

export type ServerSample = Extract<ServerMessage, { type: 'sample' }>;

export interface ServerProcess {
  /** What the server is in the comparison (`baseline`, `proxy-session`…): the report's label. */
  mode: string;
  pid: number;
  url: string;
  /** CPU time and peak RSS since the previous sample (the peak restarts at each sample). */
  sample(): Promise<ServerSample>;
  /** Starts a V8 CPU profile in the server (see ControlMessage). */
  startProfile(): void;
  /** Stops it and waits until the server has written it to `file`. */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  mode: string;
  /** The module to run; it answers the parent with `serveBenchChild`. @default bench/server.ts (the gateway, in the mode BENCH_MODE names) */
  entry?: string;
  env: Record<string, string>;
  /** Where the child's log lines go (they are prefixed with its mode). */
  log: (line: string) => void;
  startTimeoutMs?: number;
}

const SERVER_ENTRY = fileURLToPath(new URL('../server.ts', import.meta.url));

/** Starts a benchmark server under tsx in a process of its own and waits for its port. */
export async function startServerProcess(options: StartServerOptions): Promise<ServerProcess> {
  const child = fork(options.entry ?? SERVER_ENTRY, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...options.env, BENCH_MODE: options.mode },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => options.log(`[${options.mode}] ${line}`));
  }
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${options.mode} server did not start within ${options.startTimeoutMs ?? 60_000} ms`));
    }, options.startTimeoutMs ?? 60_000);
    child.on('message', function onMessage(message: ServerMessage) {
      if (message.type !== 'listening') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${options.mode} server exited (code ${code}) before listening`));
    });
  });
  if (child.pid === undefined) throw new Error('the server process has no pid');
  return {
    mode: options.mode,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    sample: () => requestSample(child),
    startProfile: () => child.send({ type: 'profile-start' } satisfies ControlMessage),
    stopProfile: (file) => stopProfile(child, file),
    stop: () => stopChild(child),
  };
}

function requestSample(child: ChildProcess): Promise<ServerSample> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not answer a sample request')), 10_000);
    child.on('message', function onMessage(message: ServerMessage) {
      if (message.type !== 'sample') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    });
    child.send({ type: 'sample' } satisfies ControlMessage);
  });
}

function stopProfile(child: ChildProcess, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not write its CPU profile')), 60_000);
    child.on('message', function onMessage(message: ServerMessage) {
      if (message.type !== 'profile-written') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve();
    });
    child.send({ type: 'profile-stop', file } satisfies ControlMessage);
  });
}

/** Asks the child to stop cleanly; kills it if it will not. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' } satisfies ControlMessage);
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}
