/**
 * Keeps the processes `npm start` runs alive. Each unit (PostgreSQL, the Temporal dev server,
 * the sandboxes, the worker, the web) is started in order; one that exits without being asked
 * is started again, after a back-off that doubles with each crash still inside the window
 * (1 s, 2 s, 4 s ... up to 30 s). A unit that crashes `maxCrashes` times within `windowMs`
 * (5 in 5 minutes) is given up on: the supervisor says which one and why (its last output
 * lines), stops every unit in reverse order, and reports the failure. Crashes older than the
 * window are forgotten, so a process that fails once a day is restarted for ever.
 *
 * The clock is injected so the unit tests run the back-off and the window without waiting.
 */
import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: string | null;
}

/** A started process: resolves `exited` when it ends, whatever the reason. */
export interface Instance {
  exited: Promise<Exit>;
  /** Asks it to stop and waits until it has (the supervisor does not restart it then). */
  stop(): Promise<void>;
  /** Its last lines of output (stderr mostly), for the message when the supervisor gives up. */
  lastOutput?(): string[];
}

export interface Unit {
  name: string;
  /** Starts the process and resolves once it is ready (a port answers); rejects if it cannot start. */
  start(): Promise<Instance>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SupervisorOptions {
  /** Crashes of one unit within `windowMs` that make the supervisor give up (default 5). */
  maxCrashes?: number;
  windowMs?: number;
  /** First restart delay, doubled per crash in the window, capped at `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  clock?: Clock;
  log?: (line: string) => void;
  /** Called once, after every unit has been stopped, when a unit was given up on. */
  onGiveUp?: (failure: GiveUp) => void;
}

export interface GiveUp {
  unit: string;
  crashes: number;
  exit: Exit | { error: string };
  lastOutput: string[];
}

interface Watched {
  unit: Unit;
  instance?: Instance;
  /** Times of the crashes still inside the window. */
  crashes: number[];
  restartTimer?: unknown;
  /** Bumped at each start: an exit of an older instance is ignored. */
  generation: number;
}

export const describeExit = (exit: Exit | { error: string }) =>
  'error' in exit ? `could not start: ${exit.error}` : exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;

export class Supervisor {
  private readonly watched: Watched[] = [];
  private stopping?: Promise<void>;
  private readonly maxCrashes: number;
  private readonly windowMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  /** Set when a unit was given up on. */
  failure?: GiveUp;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.maxCrashes = options.maxCrashes ?? 5;
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => undefined);
  }

  /** Starts a unit and watches it from then on; rejects (and watches nothing) if its first start fails. */
  async add(unit: Unit): Promise<void> {
    if (this.stopping) throw new Error(`not starting ${unit.name}: stopping`);
    const w: Watched = { unit, crashes: [], generation: 0 };
    await this.launch(w);
    this.watched.push(w);
  }

  /** Restart times so far, per unit (crashes still inside the window). */
  crashesOf(name: string): number {
    return this.watched.find((w) => w.unit.name === name)?.crashes.length ?? 0;
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Stops every unit, the last started first; restarts waiting are cancelled. */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const w of this.watched) if (w.restartTimer !== undefined) this.clock.clearTimeout(w.restartTimer);
      for (const w of [...this.watched].reverse()) {
        w.generation++;
        await w.instance?.stop().catch((error: unknown) => this.log(`${w.unit.name}: stop failed: ${String(error)}`));
      }
    })();
    return this.stopping;
  }

  private async launch(w: Watched): Promise<void> {
    const generation = ++w.generation;
    const instance = await w.unit.start();
    if (this.stopping) {
      await instance.stop().catch(() => undefined);
      return;
    }
    w.instance = instance;
    void instance.exited.then((exit) => {
      if (this.stopping || generation !== w.generation) return;
      this.crashed(w, exit, instance.lastOutput?.() ?? []);
    });
  }

  private crashed(w: Watched, exit: Exit | { error: string }, lastOutput: string[]): void {
    const now = this.clock.now();
    w.crashes = [...w.crashes.filter((t) => now - t < this.windowMs), now];
    w.instance = undefined;
    if (w.crashes.length >= this.maxCrashes) {
      this.failure = { unit: w.unit.name, crashes: w.crashes.length, exit, lastOutput };
      const minutes = Math.round(this.windowMs / 6000) / 10;
      this.log(
        `${w.unit.name} ${describeExit(exit)}; ${w.crashes.length} crashes within ${minutes} min: giving up and stopping everything.` +
          (lastOutput.length ? `\n  its last output:\n${lastOutput.map((l) => `    ${l}`).join('\n')}` : ''),
      );
      const failure = this.failure;
      void this.stopAll().then(() => this.options.onGiveUp?.(failure));
      return;
    }
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (w.crashes.length - 1));
    this.log(`${w.unit.name} ${describeExit(exit)}; restarting in ${delay / 1000} s (crash ${w.crashes.length} of ${this.maxCrashes} allowed within the window)`);
    w.restartTimer = this.clock.setTimeout(() => {
      w.restartTimer = undefined;
      if (this.stopping) return;
      this.launch(w).then(
        () => this.log(`${w.unit.name} restarted`),
        (error: unknown) => this.crashed(w, { error: error instanceof Error ? error.message : String(error) }, []),
      );
    }, delay);
  }
}

/** Keeps the last `size` lines written to a stream. */
export function lineTail(size = 20) {
  const lines: string[] = [];
  let partial = '';
  return {
    push(chunk: Buffer | string) {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) lines.push(line);
      lines.splice(0, Math.max(0, lines.length - size));
    },
    lines: () => (partial.trim() ? [...lines, partial].slice(-size) : [...lines]),
  };
}

export interface ProcessUnitOptions {
  /** Resolves once the process is ready (default: at once); rejects if it will not be. */
  ready?: (child: ChildProcess) => Promise<void>;
  /** Echoes the child's output to ours (default true), as `stdio: 'inherit'` did. */
  echo?: boolean;
  /** Signal for a clean stop (default SIGTERM); SIGKILL follows after `killAfterMs`. */
  stopSignal?: NodeJS.Signals;
  killAfterMs?: number;
}

/** A child process as a unit: its stdout and stderr pass through, and the last lines are kept. */
export function processUnit(name: string, command: string, args: string[], spawnOptions: SpawnOptions, options: ProcessUnitOptions = {}): Unit {
  return {
    name,
    async start() {
      const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
      const tail = lineTail();
      const echo = options.echo ?? true;
      child.stdout?.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (echo) process.stdout.write(chunk);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        tail.push(chunk);
        if (echo) process.stderr.write(chunk);
      });
      const exited = new Promise<Exit>((resolve) => {
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.once('error', (error) => {
          tail.push(`${error.message}\n`);
          resolve({ code: null, signal: null });
        });
      });
      try {
        await Promise.race([
          options.ready?.(child) ?? Promise.resolve(),
          exited.then((exit) => Promise.reject(new Error(`${describeExit(exit)} during start-up: ${tail.lines().slice(-5).join(' | ')}`))),
        ]);
      } catch (error) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        throw error;
      }
      return {
        exited,
        lastOutput: tail.lines,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 10_000);
          child.kill(options.stopSignal ?? 'SIGTERM');
          await exited;
          clearTimeout(timer);
        },
      };
    },
  };
}
