import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { systemErrorCode } from '../errors/index.js';

/** The file in the data folder that names the process holding the embedded database. */
export const LOCK_FILE = 'warden.lock';

export class DataDirInUse extends Error {}

/**
 * Claims the embedded database's folder for this process; returns the function that gives it
 * back. PGlite has no lock of its own, and two processes writing one folder (a `npm run seed`
 * while `npm start` runs) corrupt it for good. A lock whose process is gone (a crash, a kill -9)
 * is stale and taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => releaseIfOurs(file);
    } catch (error) {
      if (systemErrorCode(error) !== 'EEXIST') throw error;
    }
    const holder = lockHolder(file);
    if (holder !== null && isRunning(holder)) {
      throw new DataDirInUse(
        `The embedded database in ${dataDir} is in use by process ${holder} (npm start?); stop it or set DATABASE_URL. ` +
          `If no such process is running, delete ${file}.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new DataDirInUse(`Another process keeps claiming the embedded database in ${dataDir}; stop it or set DATABASE_URL.`);
}

function lockHolder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks without signalling; EPERM means it runs under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return systemErrorCode(error) === 'EPERM';
  }
}

function releaseIfOurs(file: string): void {
  if (lockHolder(file) === process.pid) rmSync(file, { force: true });
}
