import { createHash } from 'node:crypto';
import type { LuaScript, ScriptFunctions } from '../redis/lua-script';

/** One script of a {@link RedisFunctionLibrary} and the name it is called by. */
export interface LibraryFunction {
  /** Short name (`commit_batch`); the function is `<library>_<name>`. */
  name: string;
  script: LuaScript;
  /** The script only reads: registered `no-writes`, called with FCALL_RO (its keys then need read permission only). */
  readOnly?: boolean;
}

/**
 * Lua scripts as one Redis function library (Redis 7 `FUNCTION LOAD`), for users that may run
 * FCALL but not EVAL. The library's name carries a version, a hash of everything in it
 * (`<prefix>_<12 hex>`), and so do its functions (`<library>_<name>`): a new release that changes a
 * script is a new library, loaded beside the old one, so processes of both releases run during a
 * rolling upgrade; the old one is deleted once none runs. Each script's text runs unchanged as the
 * body of its function (`KEYS` and `ARGV` are the function's parameters). A library also has
 * `<library>_version`, a key-less read-only function returning the version: what a client calls
 * to learn that a node holds it.
 */
export class RedisFunctionLibrary implements ScriptFunctions {
  /** Hash of the library's content (12 hex digits). */
  readonly version: string;
  /** Name of the library: `<prefix>_<version>`. */
  readonly library: string;
  /** What `FUNCTION LOAD` is given. */
  readonly source: string;
  /** The key-less read-only function that returns {@link version}. */
  readonly versionFunction: string;
  private readonly names = new Map<LuaScript, string>();

  constructor(
    /** Start of the library's name; also what {@link isSameFamily} recognises (older versions). */
    readonly prefix: string,
    functions: readonly LibraryFunction[],
  ) {
    const bodies = functions.map((fn) => `${fn.name}\n${fn.readOnly ? 'ro' : 'rw'}\n${fn.script.source}`).join('\n');
    this.version = createHash('sha1').update(bodies).digest('hex').slice(0, 12);
    this.library = `${prefix}_${this.version}`;
    this.versionFunction = `${this.library}_version`;
    const lines = [
      `#!lua name=${this.library}`,
      `redis.register_function{function_name='${this.versionFunction}', callback=function() return '${this.version}' end, flags={'no-writes', 'allow-stale'}}`,
    ];
    for (const fn of functions) {
      const name = `${this.library}_${fn.name}`;
      this.names.set(fn.script, name);
      const flags = fn.readOnly ? ", flags={'no-writes'}" : '';
      lines.push(`redis.register_function{function_name='${name}', callback=function(KEYS, ARGV)\n${fn.script.source}\nend${flags}}`);
    }
    this.source = `${lines.join('\n')}\n`;
  }

  /** The function that runs `script`, or undefined when the library does not hold it. */
  functionOf(script: LuaScript): string | undefined {
    return this.names.get(script);
  }

  /** True for a library of the same prefix (this version or another): what a prune may delete. */
  isSameFamily(library: string): boolean {
    return new RegExp(`^${this.prefix}_[0-9a-f]{12}$`).test(library);
  }
}
