/**
 * The supervisor of `npm start` on fake processes and a fake clock: restarts with a growing
 * back-off, forgets crashes that left the window, gives up on the fifth crash within it
 * (stopping everything, last started first), and does not restart what it was asked to stop.
 */
import { type Clock, type Exit, type Instance, Supervisor, type Unit } from '../../scripts/lib/supervisor';

class FakeClock implements Clock {
  private t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  };
  /** Moves time on, running each timer that falls due (and what its promises do) in order. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await flush();
      const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.t = next.at;
      next.fn();
    }
    this.t = end;
    await flush();
  }
  pending = () => this.timers.map((timer) => timer.at - this.t);
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A process that the test crashes at will; records starts and stops in a shared journal. */
function fakeUnit(name: string, journal: string[], options: { failStarts?: number } = {}) {
  let crash: (exit: Exit) => void = () => undefined;
  let failStarts = options.failStarts ?? 0;
  const unit: Unit = {
    name,
    async start(): Promise<Instance> {
      if (failStarts-- > 0) {
        journal.push(`${name} failed to start`);
        throw new Error('port in use');
      }
      journal.push(`start ${name}`);
      let resolve!: (exit: Exit) => void;
      const exited = new Promise<Exit>((r) => (resolve = r));
      crash = resolve;
      return {
        exited,
        lastOutput: () => [`${name}: FATAL: out of luck`],
        stop: async () => {
          journal.push(`stop ${name}`);
          resolve({ code: 0, signal: null });
        },
      };
    },
  };
  return { unit, crash: (exit: Exit = { code: 1, signal: null }) => crash(exit) };
}

function setUp() {
  const clock = new FakeClock();
  const journal: string[] = [];
  const log: string[] = [];
  const gaveUp: string[] = [];
  const supervisor = new Supervisor({ clock, log: (l) => log.push(l), onGiveUp: (f) => gaveUp.push(f.unit) });
  return { clock, journal, log, gaveUp, supervisor };
}

test('restarts a crashed process after a back-off that doubles with each crash in the window', async () => {
  const { clock, journal, log, supervisor } = setUp();
  const temporal = fakeUnit('temporal', journal);
  await supervisor.add(temporal.unit);
  for (const delay of [1000, 2000, 4000]) {
    journal.length = 0;
    temporal.crash({ code: null, signal: 'SIGKILL' });
    await clock.advance(delay - 1);
    expect(journal).toEqual([]);
    await clock.advance(1);
    expect(journal).toEqual(['start temporal']);
  }
  expect(log.filter((l) => l.includes('restarting in'))).toEqual([
    'temporal killed by SIGKILL; restarting in 1 s (crash 1 of 5 allowed within the window)',
    'temporal killed by SIGKILL; restarting in 2 s (crash 2 of 5 allowed within the window)',
    'temporal killed by SIGKILL; restarting in 4 s (crash 3 of 5 allowed within the window)',
  ]);
});

test('forgets crashes older than the window: a process that fails now and then is restarted for ever', async () => {
  const { clock, journal, gaveUp, supervisor } = setUp();
  const worker = fakeUnit('worker', journal);
  await supervisor.add(worker.unit);
  for (let i = 0; i < 12; i++) {
    worker.crash();
    await clock.advance(90_000); // four crashes at most within any 5 minutes
  }
  expect(gaveUp).toEqual([]);
  expect(journal.filter((j) => j === 'start worker')).toHaveLength(13);
  expect(supervisor.crashesOf('worker')).toBeLessThanOrEqual(4);
});

test('gives up on the fifth crash within five minutes, names the process and its last output, and stops everything in reverse order', async () => {
  const { clock, journal, log, gaveUp, supervisor } = setUp();
  const postgres = fakeUnit('postgres', journal);
  const web = fakeUnit('web', journal);
  const worker = fakeUnit('worker', journal);
  await supervisor.add(postgres.unit);
  await supervisor.add(worker.unit);
  await supervisor.add(web.unit);
  journal.length = 0;
  for (let i = 0; i < 4; i++) {
    worker.crash();
    await clock.advance(20_000);
  }
  expect(gaveUp).toEqual([]);
  journal.length = 0;
  worker.crash({ code: 3, signal: null });
  await clock.advance(0);
  expect(gaveUp).toEqual(['worker']);
  expect(journal).toEqual(['stop web', 'stop postgres']);
  expect(log.at(-1)).toContain('worker exit code 3; 5 crashes within 5 min: giving up and stopping everything.');
  expect(log.at(-1)).toContain('worker: FATAL: out of luck');
  expect(supervisor.failure).toMatchObject({ unit: 'worker', crashes: 5, exit: { code: 3 } });
  // Nothing is started again afterwards.
  await clock.advance(600_000);
  expect(journal).toEqual(['stop web', 'stop postgres']);
});

test('a restart that fails to start counts as a crash and is tried again later', async () => {
  const { clock, journal, supervisor } = setUp();
  const temporal = fakeUnit('temporal', journal);
  await supervisor.add(temporal.unit);
  journal.length = 0;
  let failures = 2;
  const start = temporal.unit.start.bind(temporal.unit);
  temporal.unit.start = () => (failures-- > 0 ? Promise.reject(new Error('address already in use')) : start());
  temporal.crash();
  await clock.advance(1000); // first retry fails
  await clock.advance(2000); // second fails
  expect(journal).toEqual([]);
  expect(supervisor.crashesOf('temporal')).toBe(3);
  await clock.advance(4000);
  expect(journal).toEqual(['start temporal']);
});

test('stopping everything cancels a restart that is waiting, and a process stopped on purpose is not restarted', async () => {
  const { clock, journal, gaveUp, supervisor } = setUp();
  const web = fakeUnit('web', journal);
  const worker = fakeUnit('worker', journal);
  await supervisor.add(worker.unit);
  await supervisor.add(web.unit);
  journal.length = 0;
  worker.crash();
  await clock.advance(10);
  await supervisor.stopAll();
  await clock.advance(60_000);
  expect(journal).toEqual(['stop web']);
  expect(clock.pending()).toEqual([]);
  expect(gaveUp).toEqual([]);
});

test('a first start that fails is reported to the caller, not retried', async () => {
  const { clock, journal, supervisor } = setUp();
  const postgres = fakeUnit('postgres', journal, { failStarts: 1 });
  await expect(supervisor.add(postgres.unit)).rejects.toThrow('port in use');
  await clock.advance(60_000);
  expect(journal).toEqual(['postgres failed to start']);
});
