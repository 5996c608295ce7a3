/**
 * API clients' credentials on /api/v1 (issue 8): `Authorization: Bearer <clientId>.<secret>`, or
 * HTTP Basic with the client id as user and the secret as password. `required` routes answer 401
 * without them; on the others they are optional (an applicant reads their dossier with its lookup
 * secret), but credentials that are sent must be right. 401 says the same, with the same
 * WWW-Authenticate challenge, for no, malformed, unknown, revoked and wrong credentials.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { credentialsOf } from '../../domain/api-credentials';
import type { ApiClientAuth, AuthenticatedClient } from '../services/api-clients';

export const API_AUTH_CHALLENGE = 'Bearer realm="motcua-api", Basic realm="motcua-api", charset="UTF-8"';

export const UNAUTHORIZED = {
  error: 'unauthorized',
  message: 'Thiếu thông tin xác thực của hệ thống gọi API, hoặc thông tin không hợp lệ: gửi Authorization: Bearer <mã hệ thống>.<khóa bí mật>.',
} as const;

/** The client the request was authenticated as, if any. */
export function apiClientOf(res: Response): AuthenticatedClient | undefined {
  return res.locals.apiClient as AuthenticatedClient | undefined;
}

export function setUpApiAuth(auth: ApiClientAuth, options: { required: boolean }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = () => res.status(401).set('WWW-Authenticate', API_AUTH_CHALLENGE).json(UNAUTHORIZED);
    const presented = credentialsOf(req.get('authorization'));
    if (presented === undefined) return options.required ? refuse() : next();
    if (presented === 'malformed') return refuse();
    auth.authenticate(presented).then((client) => {
      if (!client) return refuse();
      res.locals.apiClient = client;
      next();
    }, next);
  };
}
