/** "Did you mean …?" for a mistyped command or option. */

/** The choice closest to `typed` (a typo of up to two edits, or a prefix), or null when none is close. */
export function closestChoice(typed: string, choices: readonly string[]): string | null {
  const lower = typed.toLowerCase();
  if (lower === '') return null;
  let best: { choice: string; distance: number } | null = null;
  for (const choice of choices) {
    const distance = choice.startsWith(lower) ? 0.5 : editDistance(lower, choice);
    const allowed = Math.min(2, Math.max(1, Math.floor(choice.length / 3)));
    if (distance <= allowed && (best === null || distance < best.distance)) best = { choice, distance };
  }
  return best?.choice ?? null;
}

/** Edits (insert, delete, replace, swap of neighbours) that turn a into b. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
