/**
 * Secrets outside local development (config/secret-rules.ts, applied by loadConfig): set, long
 * enough, never a value this repository shipped; one message names every variable at fault. In
 * development the payment callback secret is generated and kept like the others.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { resolveSecrets } from '../../config/endpoints';
import { KNOWN_DEFAULT_SECRETS, secretProblems } from '../../config/secret-rules';
import { PRODUCTION_ENV } from '../support/production-env';

const PRODUCTION = PRODUCTION_ENV;

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('outside local development', () => {
  test('starts with secrets of its own', () => {
    const config = loadConfig(PRODUCTION);
    expect(config.payment.callbackSecret).toBe(PRODUCTION.PAYMENT_CALLBACK_SECRET);
    expect(resolveSecrets(config)).toEqual({
      sessionSecret: PRODUCTION.SESSION_SECRET,
      linkSecret: PRODUCTION.LINK_SECRET,
      paymentCallbackSecret: PRODUCTION.PAYMENT_CALLBACK_SECRET,
      payloadKeys: PRODUCTION.PAYLOAD_KEYS,
    });
  });

  test('refuses to start without them, naming every missing variable in one message', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toMatch(/^Invalid configuration:/);
    for (const variable of ['SESSION_SECRET', 'LINK_SECRET', 'PAYMENT_CALLBACK_SECRET', 'REGISTRY_API_KEY']) {
      expect(message).toContain(`${variable}: must be set outside development`);
    }
    expect(message).not.toContain('METRICS_TOKEN');
  });

  test('refuses the payment sandbox secret that used to be the default', () => {
    const message = refusal({ ...PRODUCTION, PAYMENT_CALLBACK_SECRET: 'sandbox-payment-secret-change-me' });
    expect(message).toBe('Invalid configuration:\n  PAYMENT_CALLBACK_SECRET: is a default published in the motcua repository; set a secret of your own');
  });

  test.each(KNOWN_DEFAULT_SECRETS.map((s) => [s]))('refuses the published value %s for any secret', (value) => {
    for (const variable of ['SESSION_SECRET', 'LINK_SECRET', 'PAYMENT_CALLBACK_SECRET', 'REGISTRY_API_KEY', 'METRICS_TOKEN']) {
      expect(secretProblems({ ...PRODUCTION, [variable]: value })).toEqual([`${variable}: is a default published in the motcua repository; set a secret of your own`]);
    }
  });

  test('refuses short, placeholder and patterned secrets, all reported together', () => {
    const message = refusal({
      ...PRODUCTION,
      SESSION_SECRET: 'Kq8vZ2mW4xR7tY1uP5sN', // 20 characters: the schema takes it, production does not
      LINK_SECRET: 'please-change-me-before-going-live-0123',
      PAYMENT_CALLBACK_SECRET: 'a'.repeat(40),
      METRICS_TOKEN: 'short-token-0123456',
    });
    expect(message.split('\n')).toEqual([
      'Invalid configuration:',
      '  SESSION_SECRET: is too short (20 characters; at least 32)',
      '  LINK_SECRET: looks like a placeholder; set a secret of your own',
      '  PAYMENT_CALLBACK_SECRET: is a pattern, not a random secret',
      '  METRICS_TOKEN: is too short (19 characters; at least 32)',
    ]);
  });

  test('lists secret problems with the other invalid variables', () => {
    const message = refusal({ ...PRODUCTION, PORT: 'eighty', LINK_SECRET: '' });
    expect(message).toContain('  PORT: ');
    expect(message).toContain('  LINK_SECRET: must be set outside development');
  });

  test('has no mailbox, whatever MAILBOX_PAGE says', () => {
    expect(loadConfig({ ...PRODUCTION, MAILBOX_PAGE: 'on' }).web.mailboxPage).toBe(false);
    expect(loadConfig(PRODUCTION).web.mailboxPage).toBe(false);
  });
});

describe('in local development and tests', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-secrets-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('the sandboxes’ values are fine and nothing is required', () => {
    expect(secretProblems({})).toEqual([]);
    expect(secretProblems({ NODE_ENV: 'test', PAYMENT_CALLBACK_SECRET: 'sandbox-payment-secret-change-me' })).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }).payment.callbackSecret).toBeUndefined();
  });

  test('the payment callback secret is generated once per data folder, like the others', () => {
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    const first = resolveSecrets(config);
    expect(first.paymentCallbackSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.paymentCallbackSecret).not.toBe(first.sessionSecret);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'))).toEqual(first);
    // The payment sandbox and the web, started apart, read the same one.
    expect(resolveSecrets(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }))).toEqual(first);
  });

  test('a data folder from before keeps its secrets and gains a payment callback secret', () => {
    fs.writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ sessionSecret: 'old-session-secret-0123', linkSecret: 'old-link-secret-0123' }));
    const secrets = resolveSecrets(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }));
    expect(secrets).toMatchObject({ sessionSecret: 'old-session-secret-0123', linkSecret: 'old-link-secret-0123' });
    expect(secrets.paymentCallbackSecret).toHaveLength(43);
  });

  test('a secret set in the environment wins', () => {
    const secrets = resolveSecrets(loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PAYMENT_CALLBACK_SECRET: 'gateway-given-secret-0123' }));
    expect(secrets.paymentCallbackSecret).toBe('gateway-given-secret-0123');
  });
});
