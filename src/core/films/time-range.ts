/**
 * "Overlaps [fromMs, toMs)" for spans and points of film time, written so that an index on the start
 * answers it: a span [s, e) overlaps when s < to and e > from, a point (s = e) when from ≤ s < to. Given
 * the longest span among the rows, a start can only lie in [from − longest, to), a range of the index,
 * so a narrow window of a long film reads its own rows and not every row before it.
 */
export function overlapsRange(
  start: string,
  end: string,
  longest: number,
  fromMs: number,
  toMs: number
): { sql: string; params: number[] } {
  return {
    sql: `${start} >= ? AND ${start} < ? AND (${end} > ? OR ${start} >= ?)`,
    params: [fromMs - longest, toMs, fromMs, fromMs]
  };
}
