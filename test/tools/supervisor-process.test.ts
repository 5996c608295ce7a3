/**
 * The supervisor of `npm start` over real child processes (tiny node scripts), in seconds: a
 * process killed with SIGKILL comes back with a new pid; one that keeps failing is given up on
 * with its last stderr lines, and the others are stopped with it.
 */
import { type Instance, processUnit, Supervisor } from '../../scripts/lib/supervisor';
import { eventually } from '../support/eventually';

const node = (code: string, name: string, pidFile: { pids: number[] }) => {
  const unit = processUnit(name, process.execPath, ['-e', code], {}, { echo: false, killAfterMs: 2000 });
  const start = unit.start.bind(unit);
  // Records each started process id through its first output line.
  unit.start = async (): Promise<Instance> => {
    const instance = await start();
    await eventually(() => instance.lastOutput?.() ?? [], (lines) => lines.some((l) => l.startsWith('pid ')), 5000);
    pidFile.pids.push(Number(instance.lastOutput!().find((l) => l.startsWith('pid '))!.slice(4)));
    return instance;
  };
  return unit;
};

const LONG_RUNNING = `console.log('pid ' + process.pid); setInterval(() => {}, 1000); process.on('SIGTERM', () => { console.error('asked to stop'); process.exit(0); });`;
const FAILING = `console.log('pid ' + process.pid); console.error('FATAL: cannot open data directory'); setTimeout(() => process.exit(2), 100);`;

test('restarts a process killed with SIGKILL, and stops it cleanly when asked', async () => {
  const log: string[] = [];
  const supervisor = new Supervisor({ initialBackoffMs: 100, log: (l) => log.push(l) });
  const seen = { pids: [] as number[] };
  await supervisor.add(node(LONG_RUNNING, 'web', seen));
  process.kill(seen.pids[0], 'SIGKILL');
  await eventually(() => seen.pids.length, (n) => n === 2, 10_000);
  expect(seen.pids[1]).not.toBe(seen.pids[0]);
  expect(log).toContain('web killed by SIGKILL; restarting in 0.1 s (crash 1 of 5 allowed within the window)');
  await supervisor.stopAll();
  expect(() => process.kill(seen.pids[1], 0)).toThrow(); // gone
  expect(supervisor.failure).toBeUndefined();
}, 30_000);

test('gives up on a process that keeps failing, with its last output, and stops the others', async () => {
  const log: string[] = [];
  let gaveUp: string | undefined;
  const supervisor = new Supervisor({ initialBackoffMs: 50, maxCrashes: 3, windowMs: 60_000, log: (l) => log.push(l), onGiveUp: (f) => (gaveUp = f.unit) });
  const webPids = { pids: [] as number[] };
  const pgPids = { pids: [] as number[] };
  await supervisor.add(node(LONG_RUNNING, 'web', webPids));
  await supervisor.add(node(FAILING, 'postgres', pgPids));
  await eventually(() => gaveUp, (u) => u === 'postgres', 15_000);
  expect(pgPids.pids).toHaveLength(3);
  expect(log.at(-1)).toMatch(/^postgres exit code 2; 3 crashes within 1 min: giving up and stopping everything\./);
  expect(log.at(-1)).toContain('FATAL: cannot open data directory');
  expect(() => process.kill(webPids.pids[0], 0)).toThrow();
}, 30_000);
