/**
 * Solves the square system A·x = b by Gaussian elimination with partial pivoting, on copies (the
 * inputs are left as they were). Undefined when A is singular to working precision.
 */
export const solveLinearSystem = (
  matrix: readonly (readonly number[])[],
  vector: readonly number[],
): number[] | undefined => {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let column = 0; column < n; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < n; row += 1)
      if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivot]?.[column] ?? 0)) pivot = row;
    const pivotRow = a[pivot];
    const current = a[column];
    if (pivotRow === undefined || current === undefined) return undefined;
    const lead = pivotRow[column] ?? 0;
    if (Math.abs(lead) < 1e-12) return undefined;
    a[pivot] = current;
    a[column] = pivotRow;
    for (let row = column + 1; row < n; row += 1) {
      const target = a[row];
      if (target === undefined) continue;
      const factor = (target[column] ?? 0) / lead;
      if (factor === 0) continue;
      for (let k = column; k <= n; k += 1)
        target[k] = (target[k] ?? 0) - factor * (pivotRow[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const r = a[row] ?? [];
    let sum = r[n] ?? 0;
    for (let k = row + 1; k < n; k += 1) sum -= (r[k] ?? 0) * (x[k] ?? 0);
    x[row] = sum / (r[row] ?? 1);
  }
  return x;
};
