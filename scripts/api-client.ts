/**
 * `npm run api-client -- <command>` manages the API's clients in the database of DATABASE_URL:
 *
 *   create --name "Cổng DVC quốc gia" --agencies '*' --procedures '*'   (codes comma-separated; '*' all; none given: none)
 *   rotate <clientId> [--retire-old-after 7d]   a new secret; the old ones stay valid that long (default: until revoke-secret)
 *   revoke-secret <clientId>                    revokes every secret but the newest
 *   revoke <clientId>                           turns the client off
 *   list
 *
 * A secret is printed once, when it is made; only its SHA-256 is kept.
 */
import os from 'node:os';
import { loadConfig } from '../config';
import { createApiClient, listApiClients, revokeApiClient, revokeOldSecrets, rotateApiClientSecret } from '../db/api-clients';
import { initORM } from '../db/orm';
import { durationMs } from '../domain/api-credentials';

const USAGE = `usage: DATABASE_URL=… npm run api-client -- create --name "<name>" [--agencies '*'|<code,code>] [--procedures '*'|<code,code>]
       npm run api-client -- rotate <clientId> [--retire-old-after 7d]
       npm run api-client -- revoke-secret <clientId>
       npm run api-client -- revoke <clientId>
       npm run api-client -- list`;

function options(args: string[]): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) positional.push(args[i]);
    else named[m[1]] = m[2] ?? args[++i] ?? '';
  }
  return { positional, named };
}

const codes = (text: string | undefined) => (text ?? '').split(',').map((c) => c.trim()).filter(Boolean);

function printCredentials(clientId: string, secret: string): void {
  console.log(`  client id:     ${clientId}`);
  console.log(`  secret:        ${secret}`);
  console.log(`  Authorization: Bearer ${clientId}.${secret}`);
  console.log('  The secret is shown only now: only its hash is kept.');
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { positional, named } = options(rest);
  const url = loadConfig().database.url;
  if (!command || !url) {
    console.error(USAGE);
    process.exit(2);
  }
  const actor = `van-hanh:${os.userInfo().username}`;
  const orm = await initORM(url);
  try {
    switch (command) {
      case 'create': {
        if (!named.name) throw new Error(`--name is required\n${USAGE}`);
        const made = await createApiClient(orm, { name: named.name, agencies: codes(named.agencies), procedures: codes(named.procedures), actor });
        console.log(`created API client "${named.name.normalize('NFC').trim()}" (agencies: ${codes(named.agencies).join(',') || 'none'}; procedures: ${codes(named.procedures).join(',') || 'none'})`);
        printCredentials(made.clientId, made.secret);
        break;
      }
      case 'rotate': {
        const [clientId] = positional;
        if (!clientId) throw new Error(USAGE);
        const after = named['retire-old-after'];
        const retireOldAfterMs = after === undefined ? undefined : durationMs(after);
        if (after !== undefined && retireOldAfterMs === undefined) throw new Error(`--retire-old-after: a duration such as 7d, 12h, 30m (got ${after})`);
        const rotated = await rotateApiClientSecret(orm, clientId, { retireOldAfterMs, actor });
        console.log(`new secret for ${clientId}; the old ones stay valid ${rotated.oldSecretsValidUntil ? `until ${rotated.oldSecretsValidUntil.toISOString()}` : 'until revoke-secret'}`);
        printCredentials(rotated.clientId, rotated.secret);
        break;
      }
      case 'revoke-secret': {
        const [clientId] = positional;
        if (!clientId) throw new Error(USAGE);
        console.log(`revoked ${await revokeOldSecrets(orm, clientId, actor)} old secret(s) of ${clientId}; the newest stays valid`);
        break;
      }
      case 'revoke': {
        const [clientId] = positional;
        if (!clientId) throw new Error(USAGE);
        await revokeApiClient(orm, clientId, actor);
        console.log(`revoked ${clientId}: its requests are refused from now on`);
        break;
      }
      case 'list':
        for (const c of await listApiClients(orm)) {
          console.log(`${c.clientId}  ${c.active ? 'active ' : 'revoked'}  ${c.name}  agencies: ${c.agencies.join(',') || 'none'}  procedures: ${c.procedures.join(',') || 'none'}`);
          for (const s of c.secrets) {
            console.log(`    secret made ${s.createdAt.toISOString()}, valid ${s.expiresAt ? `until ${s.expiresAt.toISOString()}` : 'until revoked'}, last used ${s.lastUsedAt?.toISOString() ?? 'never'}`);
          }
        }
        break;
      default:
        throw new Error(`unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
