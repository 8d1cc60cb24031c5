import { createHmac } from 'node:crypto';

/**
 * Cognito's `SECRET_HASH` auth parameter, required when the app client has a secret:
 * Base64(HMAC-SHA256(key = client secret, message = username + client id)). The request fix-ups add it
 * to generated sign-ins, and the auth check uses it to show a correct hash is accepted.
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}
