/** One time bound shared by the stages of one attempt: each stage waits only for what is left of it. */
export class Deadline {
  private readonly end: number;
  constructor(readonly totalMs: number) {
    this.end = Date.now() + totalMs;
  }

  remaining(): number {
    return Math.max(0, this.end - Date.now());
  }
}

export class StageTimeout extends Error {
  override name = 'StageTimeout';
  readonly code = 'ETIMEDOUT';
}

/** Resolves as `work` does, or rejects with StageTimeout when the deadline passes first (then `onTimeout` runs). */
export function within<T>(work: Promise<T>, deadline: Deadline, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new StageTimeout('timed out'));
    }, deadline.remaining());
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** The code of an error (or of its cause), as Node and undici put it. */
export function errorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
