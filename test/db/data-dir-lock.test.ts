import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.js';

const ROOT = new URL('../../', import.meta.url);
const run = promisify(execFile);

/** The embedded database is one folder that only one process may write at a time. */
describe('the embedded database folder', () => {
  let dataDir: string;
  let lockFile: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'warden-lock-'));
    lockFile = path.join(dataDir, LOCK_FILE);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const inUse = (pid: number) => `The embedded database in ${dataDir} is in use by process ${pid} (npm start?); stop it or set DATABASE_URL.`;

  it('is refused to a second holder, naming the first', () => {
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrow(inUse(process.pid));
    release();
  });

  it('is free again once given back', () => {
    lockDataDir(dataDir)();
    expect(existsSync(lockFile)).toBe(false);
    lockDataDir(dataDir)();
  });

  it('is taken over from a process that died holding it', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockFile, `${gone}\n`);
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('is held by an open embedded database until it closes: `npm run seed` meanwhile stops with the message', async () => {
    const { db } = openDatabase({ dataDir });
    try {
      await sql`select 1`.execute(db);
      expect(() => openDatabase({ dataDir })).toThrow(inUse(process.pid));
      const seed = run(process.execPath, ['--import', 'tsx', 'src/domain/cli/seed.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', WARDEN_DATA_DIR: dataDir },
      });
      await expect(seed).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(inUse(process.pid)) });
    } finally {
      await db.destroy();
    }
    expect(existsSync(lockFile)).toBe(false);
  }, 120_000);
});
