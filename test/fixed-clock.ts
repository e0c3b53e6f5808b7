/**
 * Preloaded with `node --import` before the real binary: its clock reads 2026-03-02 12:00 JST at start and
 * moves on from there, so reconcile and watch are not refused for the Web API's closed hours (08:30–10:00,
 * 17:30–18:30 JST) whatever the hour the tests run. Timers are not touched: only what Date says.
 */
const RealDate = Date;
const offset = RealDate.parse('2026-03-02T12:00:00+09:00') - RealDate.now();

class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    super(...((args.length === 0 ? [RealDate.now() + offset] : args) as [number]));
  }

  static override now(): number {
    return RealDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate as DateConstructor;
