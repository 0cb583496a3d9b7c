/**
 * The matches of global `pattern` in `text`, all at once: like `text.matchAll(pattern)`, but on the
 * pattern itself — `matchAll` copies its pattern on every call, which for the large detector
 * patterns costs more than searching a short text. `lastIndex` is reset before and after, and the
 * matches are collected before any is used, so the caller may use the same pattern meanwhile.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex += 1;
  }
  pattern.lastIndex = 0;
  return matches;
}
