/** The fixed choices of a select, plus the current value when it is not one of them, in order. */
export function withCurrent<T extends number | string>(choices: readonly T[], current: T): T[] {
  return [...new Set([...choices, current])].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
}
