import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A secret read from its file, and whether this start created it. */
export interface SecretFileValue {
  value: string;
  created: boolean;
}

/**
 * Reads the secret at `path`, or creates it with `create()` when the file does not exist (mode 0600,
 * exclusive create: of several instances starting at once on one directory, one writes and all read
 * the same value).
 */
export function readOrCreateSecret(path: string, create: () => string): SecretFileValue {
  try {
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const value = create();
  try {
    writeFileSync(path, `${value}\n`, { flag: 'wx', mode: 0o600 });
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { value: readFileSync(path, 'utf8').trim(), created: false };
  }
}

/** Writes `value` to `path` (mode 0600), creating its directory. */
export function writeSecret(path: string, value: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
}

/** The content of `path`, or undefined when it does not exist. */
export function readSecret(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
