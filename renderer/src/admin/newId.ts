/** A fresh id for something staff create (a playlist, a schedule rule, a clinic slide). */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${Date.now().toString(36)}${n > 1 ? `-${n}` : ''}`;
    if (!used.has(id)) return id;
  }
}
