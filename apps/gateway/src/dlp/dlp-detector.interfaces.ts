import type { DlpType } from '../message/dlp.types';

/**
 * How one type of sensitive data is recognised. A value is caught either because of its key (the
 * nearest key names the type, e.g. `password`, `cvv`) or because a pattern matches inside it, then
 * optionally validated (Luhn, ...) and confirmed by a context keyword near it or in its key path.
 */
export interface DlpDetector {
  readonly type: DlpType;
  /** Matched over each string value (must have the `g` flag). A named group `v` narrows the match to that part. */
  readonly pattern?: RegExp;
  /** A cheap test the text must pass before `pattern` runs at all (a pattern with no literal start costs at every position). */
  readonly requires?: RegExp;
  /** A pattern match only counts when this matches the key path or the text just before / after it. */
  readonly context?: RegExp;
  /** Words that count as context only right before a match (tested on the text just before it, anchored at its end). */
  readonly leadIn?: RegExp;
  /** Characters before (and, for `after`, after) a match searched for `context`. Default 40 / 25. */
  readonly contextWindow?: { before: number; after: number };
  /** A wider context for matches of a shape (`applies`): `context` within `window` characters, or in the key path. */
  readonly wideContext?: { context: RegExp; window: { before: number; after: number }; applies: RegExp };
  /** A match in a list item (`1.`, `-`, `•`) also counts when the line heading the list matches this. */
  readonly listContext?: RegExp;
  /** Nearest key, normalised (lowercase letters and digits only), under which the whole value is this type. */
  readonly key?: RegExp;
  /** True when the keys in view (`keyPath`, as words) say the nearest key (`key`, normalised) names something else here. */
  keyVeto?(keyPath: string, key: string): boolean;
  /** What the value must look like for `key` to apply (default: anything non-blank). */
  readonly keyValue?: RegExp;
  /** A further check of a value `key` and `keyValue` accept (`keyPath`: the keys in view, as words). */
  keyValid?(value: string, keyPath: string): boolean;
  /** Other types a value `key` accepts carries inside it, its keys (`keyPath`, as words) saying what it is (a pre-2020 Medicare number holds the beneficiary's SSN). */
  keyAlso?(value: string, keyPath: string): DlpType[] | undefined;
  /** Extra check of a pattern match (`text` and `index` give its surroundings, `keyPath` its keys as words, `lead` the turn before in a conversation). */
  validate?(value: string, text: string, index: number, keyPath: string, lead?: string): boolean;
  /** Replacement of a match when the action is REDACT (default `[REDACTED:<type>]`). */
  mask?(value: string): string;
}
