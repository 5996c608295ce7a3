/**
 * `npm run calendar -- <year>`: the days of a year that break the Monday-to-Friday rule, one per
 * line, tab-separated: ISO date, kind (`holiday`, `working-weekend`), name, and `provisional`
 * where no confirmed announcement backs the day.
 *
 * With a database (DATABASE_URL, or the one `npm start` runs locally) it prints the calendar the
 * clock uses (db/calendar.ts: confirmed years as entered, other years computed and overlaid by
 * what administrators entered); without one, the days the Labour Code's rules give
 * (domain/holidays.ts). Where the lines come from is said on stderr, so stdout stays the list.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { loadCalendarEntries } from '../db/calendar';
import { localPostgresUrl } from '../db/local-postgres';
import { initORM } from '../db/orm';
import type { CalendarEntry } from '../domain/calendar';
import { statutoryHolidays } from '../domain/holidays';

const USAGE = 'usage: npm run calendar -- <year>   (a year such as 2027)';

function lineOf(entry: CalendarEntry): string {
  return [entry.day, entry.kind, entry.name, ...(entry.provisional ? ['provisional'] : [])].join('\t');
}

/** The database to read: the configured one (which must answer), or `npm start`'s if it runs. */
function databaseOf(config: ReturnType<typeof loadConfig>): { url: string; required: boolean } | undefined {
  if (config.database.url) return { url: config.database.url, required: true };
  const local = localPostgresUrl({ dataDir: path.join(config.dataDir, 'postgres'), port: config.database.embeddedPort, database: 'motcua' });
  return local ? { url: local, required: false } : undefined;
}

async function fromDatabase(url: string, year: number): Promise<CalendarEntry[]> {
  const orm = await initORM(url, { pool: { min: 0, max: 1 } });
  try {
    return await loadCalendarEntries(orm.em.fork(), year, year);
  } finally {
    await orm.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const year = Number(args[0]);
  if (args.length !== 1 || !/^\d{4}$/.test(args[0]) || year < 1900) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const database = databaseOf(config);
  let entries: CalendarEntry[] | undefined;
  if (database) {
    try {
      entries = await fromDatabase(database.url, year);
      console.error(`calendar ${year}: from the database (confirmed years as entered, other years computed and overlaid)`);
    } catch (error) {
      if (database.required) throw error;
      console.error(`calendar ${year}: the local database does not answer (npm start not running); computed from the Labour Code`);
    }
  } else {
    console.error(`calendar ${year}: no database; computed from the Labour Code, every day provisional`);
  }
  for (const entry of entries ?? statutoryHolidays(year)) console.log(lineOf(entry));
}

main().catch((error) => {
  console.error(`calendar: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
