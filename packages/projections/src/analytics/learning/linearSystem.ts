/** The entry at `i`, or 0 past the end (the arrays here are square and full). */
const at = (values: readonly number[], i: number): number => values[i] ?? 0;

/** The row at `i` of an augmented matrix. */
const rowAt = (rows: readonly number[][], i: number): number[] => rows[i] ?? [];

/** The index of the row from `column` down with the largest entry in that column. */
const pivotIndex = (rows: readonly number[][], column: number): number => {
  let pivot = column;
  for (let row = column + 1; row < rows.length; row += 1)
    if (Math.abs(at(rowAt(rows, row), column)) > Math.abs(at(rowAt(rows, pivot), column)))
      pivot = row;
  return pivot;
};

/** Subtracts multiples of the pivot row from the rows below it, zeroing its column there. */
const eliminateBelow = (rows: number[][], column: number): void => {
  const pivotRow = rowAt(rows, column);
  const lead = at(pivotRow, column);
  for (let row = column + 1; row < rows.length; row += 1) {
    const target = rowAt(rows, row);
    const factor = at(target, column) / lead;
    if (factor !== 0)
      for (let k = column; k < target.length; k += 1)
        target[k] = at(target, k) - factor * at(pivotRow, k);
  }
};

/** Solves an upper-triangular augmented system from the last row up. */
const backSubstitute = (rows: readonly number[][]): number[] => {
  const n = rows.length;
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const r = rowAt(rows, row);
    let sum = at(r, n);
    for (let k = row + 1; k < n; k += 1) sum -= at(r, k) * at(x, k);
    x[row] = sum / at(r, row);
  }
  return x;
};

/**
 * Solves the square system A·x = b by Gaussian elimination with partial pivoting, on copies (the
 * inputs are left as they were). Undefined when A is singular to working precision.
 */
export const solveLinearSystem = (
  matrix: readonly (readonly number[])[],
  vector: readonly number[],
): number[] | undefined => {
  const rows = matrix.map((row, i) => [...row, at(vector, i)]);
  for (let column = 0; column < rows.length; column += 1) {
    const pivot = pivotIndex(rows, column);
    if (Math.abs(at(rowAt(rows, pivot), column)) < 1e-12) return undefined;
    [rows[column], rows[pivot]] = [rowAt(rows, pivot), rowAt(rows, column)];
    eliminateBelow(rows, column);
  }
  return backSubstitute(rows);
};
