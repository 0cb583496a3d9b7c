#!/usr/bin/env node
import 'reflect-metadata';
import { CommanderError } from 'commander';
import { createProgram } from './cli.program';
import { ExitCode } from './cli.errors';

/** Runs `mas` with `argv` and resolves with the exit code (see `ExitCode`). */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram({ json: argv.includes('--json') });
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.OK);
  } catch (error) {
    // --help and --version end with exit code 0; anything else commander rejects is a usage error.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.ERROR;
  }
}

// `mas agents | head -3`: the reader went away; stop quietly as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? ExitCode.OK : ExitCode.ERROR));
}

void main(process.argv).then((code) => {
  // Exit explicitly (a reconnecting client must not keep the process alive) once stdout is flushed.
  process.stdout.write('', () => process.exit(code));
});
