import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * Checks that something answers HTTP at `endpoint` within `timeoutMs`. Any HTTP answer counts: judging
 * it is the checks' job. Fails with a message naming the target and what to do, in seconds, not minutes.
 */
export async function probeEndpoint(targetName: string, endpoint: string, timeoutMs = 5_000): Promise<void> {
  const url = new URL(endpoint);
  const send = url.protocol === 'https:' ? httpsRequest : request;
  await new Promise<void>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        },
      },
      (res) => {
        res.resume();
        resolve();
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) =>
      reject(
        new Error(
          `${targetName} target ${endpoint}: not reachable (${(error as NodeJS.ErrnoException).code ?? error.message}). ` +
            'Start the emulator there, or check --endpoint.',
        ),
      ),
    );
    req.end('{"MaxResults":1}');
  });
}
