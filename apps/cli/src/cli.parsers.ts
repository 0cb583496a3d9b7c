import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { UsageError } from './cli.errors';

/** commander parser of a positive integer option (`--timeout 500`). */
export function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive integer.');
  return parsed;
}

/** commander parser that upper-cases a value and checks it against `choices`. */
export function upperChoice(choices: readonly string[]): (value: string) => string {
  return (value: string) => {
    const upper = value.toUpperCase();
    if (!choices.includes(upper)) throw new InvalidArgumentError(`must be one of ${choices.join(', ')}.`);
    return upper;
  };
}

/**
 * Parses a message payload given on the command line: a JSON object, `-` for stdin or `@file`.
 * @throws UsageError when it is not valid JSON or not an object.
 */
export function parseJsonObject(text: string | undefined, what = 'payload'): Record<string, unknown> {
  if (text === undefined || text === '') return {};
  let raw = text;
  if (text === '-') raw = readFileSync(0, 'utf8');
  else if (text.startsWith('@')) {
    try {
      raw = readFileSync(text.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${what} file ${text.slice(1)}: ${(error as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`${what} must be a JSON object, e.g. '{"text":"hello"}'`);
  }
  return parsed as Record<string, unknown>;
}
