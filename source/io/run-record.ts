import { unlinkSync } from 'node:fs';

/**
 * What a run of doctor, reconcile, watch or schedule has put in place so far — files written whole
 * (temporary file + rename), a scheduled task — and what it is doing outside this process, so that a
 * Ctrl-C can say what is true at that moment; and the temporary files it holds, which a stop removes.
 * A file is noted after its rename: a signal is handled between synchronous writes, never inside one.
 */
export type WrittenKind = 'state' | 'csv' | 'report' | 'xml' | 'task';
export type UnderwayKind = 'task' | 'event';

export interface Written<K extends string = WrittenKind> {
  kind: K;
  /** A path, or the task's name. */
  target: string;
}

export class RunRecord {
  readonly written: Written[] = [];
  /** A tool started by this run whose outcome is not known yet (schtasks, eventcreate). */
  underway: Written<UnderwayKind> | undefined;
  private readonly temporary = new Set<string>();

  wrote(kind: WrittenKind, target: string): void {
    this.written.push({ kind, target });
  }

  /** Runs `work` as something underway: if the run is stopped meanwhile, the stop says it may or may not be done. */
  async during<T>(kind: UnderwayKind, work: () => Promise<T>, target = ''): Promise<T> {
    this.underway = { kind, target };
    try {
      return await work();
    } finally {
      this.underway = undefined;
    }
  }

  /** A temporary file this run holds until `release` is called; a stop removes it. */
  holdTemporary(file: string): () => void {
    this.temporary.add(file);
    return () => void this.temporary.delete(file);
  }

  /** Removes the temporary files still held, synchronously: the process ends next. */
  removeTemporary(): void {
    for (const file of this.temporary) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
    this.temporary.clear();
  }
}
