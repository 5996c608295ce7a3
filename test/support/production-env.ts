/** An environment that passes every production secret rule (config/secret-rules.ts), for tests of the refusals. */
const strong = (seed: string) => `${seed}-Kq8vZ2mW4xR7tY1uP5sN0bC3dF6gH9jL`;

export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  SESSION_SECRET: strong('s'),
  LINK_SECRET: strong('l'),
  PAYMENT_CALLBACK_SECRET: strong('p'),
  REGISTRY_API_KEY: 'rk-7Qw2Lm9Zx4TbH3',
  PAYLOAD_KEYS: 'k1:mX8y1BvGkZq3N0r7c2WtYd5eLhPa9sJuQfRi4oTzKEw=',
  SMS_GATEWAY_KEY: 'sg-Hq4Nw8Tz2Lp6Vb9R',
  SMTP_URL: 'smtp://motcua:Pq7Zr2Wx9Lm4@smtp.motcua.gov.vn:587',
  SMS_GATEWAY_URL: 'https://sms.brandname.vn/api',
};

export { strong as strongSecret };
