/**
 * `npm start`: everything motcua needs on one machine. PostgreSQL (embedded, unless
 * DATABASE_URL is set) and a Temporal dev server (unless TEMPORAL_ADDRESS is set) keep their
 * data under DATA_DIR, so the next start finds earlier dossiers. The registry and payment
 * sandboxes, the worker and the web server run as child processes. Every process started here
 * (PostgreSQL and the Temporal dev server included) is supervised (scripts/lib/supervisor.ts):
 * one that dies is started again on the same data, after a growing back-off; five crashes of
 * one process within five minutes stop everything, naming it and its last output lines.
 * Ctrl-C stops everything in order.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { catalogueOrExit } from '../config/catalogue';
import { resolveEndpoints, resolveSecrets } from '../config/endpoints';
import { initORM, migrate } from '../db/orm';
import { DEMO_API_CLIENT, DEMO_OFFICIALS, DEMO_PASSWORD, seedDemoApiClient, seedDemoOfficials, seedReferenceData } from '../db/seeds/demo';
import { DEMO_RECORDS } from '../sandboxes/registry/data';
import { nodeScriptUnit, postgresUnit, temporalUnit } from './lib/start-units';
import { Supervisor } from './lib/supervisor';

const say = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  // Broken procedure definitions are reported here, once, before PostgreSQL, Temporal or any
  // child starts: the worker and the web server would only refuse them again.
  catalogueOrExit('start');
  const config = loadConfig();
  // Stops every process in reverse order of start; gives up (exit 1) after 5 crashes of one
  // process within 5 minutes.
  const supervisor = new Supervisor({ log: say, onGiveUp: () => void stop(1) });
  let stopping = false;

  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping...');
    await supervisor.stopAll();
    say('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      say('starting PostgreSQL (embedded)...');
      await supervisor.add(
        postgresUnit(
          { dataDir: path.join(config.dataDir, 'postgres'), port: config.database.embeddedPort, database: 'motcua', log: say },
          (url) => (databaseUrl = url),
        ),
      );
    }
    if (!databaseUrl) throw new Error('no database');
    const orm = await initORM(databaseUrl);
    const applied = await migrate(orm);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    await seedReferenceData(orm);
    if (process.env.SEED_DEMO !== 'off') {
      await seedDemoOfficials(orm);
      await seedDemoApiClient(orm);
    }
    await orm.close();

    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      say('starting the Temporal dev server...');
      await supervisor.add(
        // Restarted on the same port and SQLite file: the history survives.
        temporalUnit({
          cliPath: config.temporal.cliPath,
          port: config.temporal.devServerPort,
          uiPort: config.temporal.uiPort,
          dbFile: path.join(config.dataDir, 'temporal', 'dev.sqlite'),
          namespace: config.temporal.namespace,
          // Payloads are encrypted (config/payload-codec.ts): the UI asks the web to decode them.
          uiCodecEndpoint: `${resolveEndpoints(config).publicUrl}/codec`,
        }),
      );
      temporalAddress = `127.0.0.1:${config.temporal.devServerPort}`;
    }

    const secrets = resolveSecrets(config);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SESSION_SECRET: secrets.sessionSecret,
      LINK_SECRET: secrets.linkSecret,
      // The web checks the payment sandbox's callbacks with it: one secret for both.
      PAYMENT_CALLBACK_SECRET: secrets.paymentCallbackSecret,
      // Web and worker encrypt and decrypt Temporal payloads with the same keys.
      PAYLOAD_KEYS: secrets.payloadKeys,
    };
    const dist = path.resolve(__dirname, '..');
    // Single sign-on against the identity-provider sandbox (SSO_SANDBOX=on, development only):
    // its accounts are the demo officials (same user names and password) and one person who is
    // no official; the web and the sandbox share its published client secret (config/sso.ts).
    const ssoSandbox = process.env.SSO_SANDBOX === 'on' && !config.sso && config.env !== 'production';
    if (ssoSandbox) {
      env.OIDC_ISSUER = `http://127.0.0.1:${config.identitySandboxPort}`;
      env.IDENTITY_SANDBOX_ACCOUNTS = JSON.stringify([
        ...DEMO_OFFICIALS.map((o) => ({ username: o.username, name: o.fullName })),
        { username: 'khach.dinhdanh', name: 'Trần Văn Khách' },
      ]);
      await supervisor.add(nodeScriptUnit('identity-sandbox', dist, 'sandboxes/identity/main.js', env));
    }
    if (!config.registry.url) await supervisor.add(nodeScriptUnit('registry-sandbox', dist, 'sandboxes/registry/main.js', env));
    if (!config.payment.url) await supervisor.add(nodeScriptUnit('payment-sandbox', dist, 'sandboxes/payment/main.js', env));
    // Messages to applicants (activities/delivery): the worker's relay sends to these unless SMTP_URL / SMS_GATEWAY_URL are set.
    if (!config.delivery.smtpUrl) await supervisor.add(nodeScriptUnit('mail-sandbox', dist, 'sandboxes/mail/main.js', env));
    if (!config.delivery.smsUrl) await supervisor.add(nodeScriptUnit('sms-sandbox', dist, 'sandboxes/sms/main.js', env));
    await supervisor.add(nodeScriptUnit('worker', dist, 'worker/main.js', env));
    await supervisor.add(nodeScriptUnit('web', dist, 'web/main.js', env));

    const endpoints = resolveEndpoints(config);
    const demo = [
      ['ô tô, Hà Nội', DEMO_RECORDS.carHolderHanoi],
      ['xe máy, Hồ Chí Minh', DEMO_RECORDS.motorbikeHolderHoChiMinh],
      ['giấy phép đã bị thu hồi', DEMO_RECORDS.revokedLicence],
    ] as const;
    console.log(`
──────────────────────────────────────────────────────────────
 motcua is running

 Back office and public pages: ${endpoints.publicUrl}
 Submit a dossier:             ${endpoints.publicUrl}/nop-ho-so
 Status lookup:                ${endpoints.publicUrl}/tra-cuu
${ssoSandbox ? ` Single sign-on (sandbox):     ${env.OIDC_ISSUER} (the demo officials, same password; khach.dinhdanh is no official)\n` : ''} Development mailbox:          ${endpoints.publicUrl}/hop-thu (sign in as hn.quantri or a supervisor): what the mail and SMS sandboxes received
 Temporal Web UI:              ${config.temporal.address ? '(external cluster)' : `http://localhost:${config.temporal.uiPort}`}
                               payloads are encrypted: to read them, sign in at ${endpoints.publicUrl} as
                               hn.quantri, then in the UI's Codec Server settings use the browser setting,
                               endpoint ${endpoints.publicUrl}/codec, "Include cross-origin credentials"

 Demo officials (password: ${DEMO_PASSWORD})
${DEMO_OFFICIALS.filter((o) => !o.username.slice(o.username.indexOf('.') + 1).includes('.'))
  .map((o) => `   ${o.username.padEnd(16)} ${o.fullName} (${o.role}, ${o.agencyCode})`)
  .join('\n')}
   Other agencies of Hà Nội (hn.) and Hồ Chí Minh (hcm.): <city>.<stp|sct|bhxh|thue|dienluc|snv|ubnd|pv06>.<tiepnhan|chuyenvien|lanhdao|giamsat>
   Wards: hoankiem.<role>, benthanh.<role>. The catalogue with every procedure: ${endpoints.publicUrl}/thu-tuc

 Demo API client (every agency and procedure; real ones: npm run api-client -- create …)
   Authorization: Bearer ${DEMO_API_CLIENT.clientId}.${DEMO_API_CLIENT.secret}
   OpenAPI document: ${endpoints.publicUrl}/api/v1/openapi.json

 Demo applicants known to the registry sandbox
${demo.map(([what, r]) => `   ${what}: ${r.citizen.fullName}, CCCD ${r.citizen.citizenId}, sinh ${r.citizen.dateOfBirth}, GPLX ${r.licence.number} hạng ${r.licence.class}`).join('\n')}

 Ctrl-C stops everything; data is kept in ${config.dataDir}
──────────────────────────────────────────────────────────────
`);
  } catch (error) {
    console.error('[start] could not start:', error);
    await stop(1);
  }
}

void main();
