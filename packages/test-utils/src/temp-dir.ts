import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A new temporary directory holding `files` (relative path → content; anything but a string is written as
 * JSON). Returns the directory's path.
 */
export function tempDirWith(files: Record<string, unknown> = {}, prefix = 'egov-plan-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** Something a test opens and must close afterwards (a store, a server). */
export interface Closable {
  close(): unknown;
}

/** Temporary directories and open resources a test file cleans up after each test. */
export interface TempResources {
  /** A new temporary directory (see {@link tempDirWith}), removed by {@link TempResources.cleanup}. */
  dir(prefix?: string, files?: Record<string, unknown>): string;
  /** Keeps `resource` to be closed by {@link TempResources.cleanup}; returns it. */
  keep<T extends Closable>(resource: T): T;
  /** Closes every kept resource (newest first), then removes every directory. */
  cleanup(): Promise<void>;
}

/**
 * Tracks what a test file's tests open, so one `afterEach(() => temp.cleanup())` closes stores before
 * their directories are removed.
 */
export function tempResources(): TempResources {
  const dirs: string[] = [];
  const open: Closable[] = [];
  return {
    dir(prefix = 'egov-plan-test-', files = {}) {
      const dir = tempDirWith(files, prefix);
      dirs.push(dir);
      return dir;
    },
    keep(resource) {
      open.push(resource);
      return resource;
    },
    async cleanup() {
      for (const r of open.splice(0).reverse()) await r.close();
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
