/**
 * What a secret must be outside local development: set, long enough, and none of the values
 * this repository ever shipped (a signature made with a default from a public repository
 * proves nothing). loadConfig applies these rules to the environment as given, before any
 * default, and refuses to start with one message naming every variable at fault.
 * In development and tests the sandboxes' values are fine, and resolveSecrets (endpoints.ts)
 * generates whatever is unset.
 */

/** Environments where the rules are not applied: a developer's machine and the test suite. */
const LOCAL_ENVIRONMENTS: readonly string[] = ['development', 'test'];

/** Whether NODE_ENV (as given; unset reads as development) is a local one. */
export function isLocalEnvironment(nodeEnv: string | undefined): boolean {
  return LOCAL_ENVIRONMENTS.includes(nodeEnv ?? 'development');
}

export interface SecretRule {
  variable: string;
  /** Unset is refused; otherwise only a value that is set is checked. */
  required: boolean;
  /** The rule applies only when this other variable is set (a client secret of an optional integration). */
  onlyWith?: string;
  minLength: number;
  /** How to make one, when it is not `openssl rand -base64 48`. */
  howTo?: string;
  /** A check of the value's own parts, after the common ones (a list of keys: each key). */
  check?: (value: string) => string | undefined;
}

export const SECRET_RULES: readonly SecretRule[] = [
  { variable: 'SESSION_SECRET', required: true, minLength: 32 },
  { variable: 'LINK_SECRET', required: true, minLength: 32 },
  { variable: 'PAYMENT_CALLBACK_SECRET', required: true, minLength: 32 },
  // Issued by the registry gateway, not chosen here: shorter keys exist.
  { variable: 'REGISTRY_API_KEY', required: true, minLength: 16 },
  // Issued by the SMS brandname gateway with the contract (activities/delivery/sms.ts).
  { variable: 'SMS_GATEWAY_KEY', required: true, minLength: 16, howTo: 'the API key the SMS brandname gateway issued' },
  // Unset: only this host may read /metrics.
  { variable: 'METRICS_TOKEN', required: false, minLength: 32 },
  // Unset: no Temporal Cloud; the key is issued by Temporal, its length is theirs.
  { variable: 'TEMPORAL_API_KEY', required: false, minLength: 1 },
  // Single sign-on (web/services/sso.ts): the identity provider issues it with the client's registration.
  { variable: 'OIDC_CLIENT_SECRET', required: true, onlyWith: 'OIDC_ISSUER', minLength: 16, howTo: 'the client secret the identity provider issued for motcua' },
  // `kid:base64,…` (config/payload-codec.ts; its format is checked in every environment).
  {
    variable: 'PAYLOAD_KEYS',
    required: true,
    minLength: 46,
    howTo: 'kid:base64 of 32 random bytes, newest first, e.g. `echo "k1:$(openssl rand -base64 32)"`',
    check: (value) => {
      for (const entry of value.split(',')) {
        const [id, material = ''] = entry.trim().split(':');
        if (known.has(material.toLowerCase()) || known.has(entry.trim().toLowerCase())) return `key "${id}" is a default published in the motcua repository; make keys of your own`;
        if (new Set(Buffer.from(material, 'base64')).size < 16) return `key "${id}" is a pattern, not 32 random bytes`;
      }
      return undefined;
    },
  },
];

/**
 * Every secret value this repository has shipped, as a default, in the sandboxes, the test
 * stack or the tests. Add to it, never remove: an old checkout stays public.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  'sandbox-payment-secret-change-me',
  'sandbox-registry-key',
  'in-process-session-secret-0123456789',
  'in-process-link-secret-0123456789',
  'in-process-callback-secret-0123456789',
  'in-process-registry-key',
  'test-callback-secret-0123456789',
  'test-registry-key',
  'secret-for-links-0123456789',
  'another-secret-0123456789',
  'a-guessed-secret-000000000000',
  'a-revoked-api-key',
  // The identity-provider sandbox's client secret (sandboxes/identity), used in development and tests.
  'sandbox-identity-client-secret-0123456789',
  // The SMS sandbox's key (sandboxes/sms) and the in-process stack's.
  'sandbox-sms-gateway-key',
  'in-process-sms-gateway-key',
  'test-sms-gateway-key-0123',
  // The in-process stack's payload key (scripts/lib/in-process-stack.ts).
  'Zj2fgNbRRSLnthEc1fr5CN0aDbnp4RWbOB3dBX/daqs=',
];

/** Words of a value someone meant to replace. */
const PLACEHOLDER = /change[-_ ]?me|sandbox|example|placeholder|your[-_ ]?secret/i;
/** Fewer different characters than this is a pattern, not a secret (`aaaa…`, `0123…0123`). */
const MIN_DISTINCT_CHARACTERS = 10;

const known = new Set(KNOWN_DEFAULT_SECRETS.map((s) => s.toLowerCase()));

/** What is wrong with one secret's value, or undefined. */
export function secretProblem(rule: SecretRule, value: string | undefined): string | undefined {
  if (value === undefined || value === '') {
    return rule.required ? `must be set outside development (${rule.howTo ?? `at least ${rule.minLength} random characters, e.g. \`openssl rand -base64 48\``})` : undefined;
  }
  if (known.has(value.trim().toLowerCase())) return 'is a default published in the motcua repository; set a secret of your own';
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder; set a secret of your own';
  if (value.length < rule.minLength) return `is too short (${value.length} characters; at least ${rule.minLength})`;
  if (rule.minLength >= 16 && new Set(value).size < MIN_DISTINCT_CHARACTERS) return 'is a pattern, not a random secret';
  return rule.check?.(value);
}

/**
 * `VARIABLE: problem` for every secret at fault in this environment (as given, before
 * defaults); none in local development.
 */
export function secretProblems(source: Readonly<Record<string, string | undefined>>): string[] {
  if (isLocalEnvironment(source.NODE_ENV)) return [];
  return SECRET_RULES.flatMap((rule) => {
    if (rule.onlyWith && !source[rule.onlyWith]) return [];
    const problem = secretProblem(rule, source[rule.variable]);
    return problem ? [`${rule.variable}: ${problem}`] : [];
  });
}
