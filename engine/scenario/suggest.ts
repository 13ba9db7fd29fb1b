/** "Did you mean ...?" for misspelt words: the closest candidate within a small edit distance. */

/** Levenshtein distance, in one row reused across calls (a script of bad lines asks for thousands). */
let row: number[] = [];

function distance(a: string, b: string): number {
  if (row.length <= b.length) row = Array.from({ length: b.length + 1 }, () => 0);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | null {
  if (word.length > 40) return null;
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: no need to compute it to know it is too far.
    if (Math.abs(c.length - w.length) >= bestD) continue;
    const d = distance(w, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
