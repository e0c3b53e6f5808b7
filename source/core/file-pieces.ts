/**
 * A folder of logs cut into pieces of about the same number of bytes, so threads share the work by bytes
 * rather than by whole files (five files on two threads would leave one idle for a fifth of the read).
 * A piece owns the lines that start in [start, end); the last piece of a file runs to its end, whatever
 * the size was when it was measured.
 */
export interface FilePiece {
  /** Index into the list of files. */
  file: number;
  start: number;
  end: number;
}

export function cutIntoPieces(sizes: readonly number[], pieceBytes: number): FilePiece[] {
  const pieces: FilePiece[] = [];
  sizes.forEach((size, file) => {
    const count = Math.max(1, Math.round(size / pieceBytes));
    for (let i = 0; i < count; i++) {
      pieces.push({ file, start: Math.floor((i * size) / count), end: i === count - 1 ? Number.POSITIVE_INFINITY : Math.floor(((i + 1) * size) / count) });
    }
  });
  return pieces;
}
