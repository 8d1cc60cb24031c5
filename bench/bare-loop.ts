import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import type { TargetDescriptor } from '../src/wire/index.ts';
import type { Exchange } from '../src/protocol/index.ts';

/**
 * The limit the suite can reach on one connection: the same requests, one after another, through a
 * plain SDK client with no capture, no checks and no generation. Bodies are set as sent (some are
 * deliberately invalid), the same way the suite's raw sender does.
 */
export async function bareLoop(
  target: TargetDescriptor,
  exchanges: readonly Exchange[],
): Promise<{ requests: number; ms: number }> {
  const client = new sdk.CognitoIdentityProviderClient({
    region: target.region,
    endpoint: target.endpoint,
    ...(target.credentials ? { credentials: target.credentials } : {}),
    maxAttempts: 1,
    // The same connection handling as the suite's capturing handler, so only the harness differs.
    requestHandler: new NodeHttpHandler({
      requestTimeout: 15_000,
      connectionTimeout: 3_000,
      httpAgent: { keepAlive: true, maxSockets: 8 },
    }),
  });
  const started = performance.now();
  try {
    for (const exchange of exchanges) {
      const Command = (sdk as unknown as Record<string, new (input: object) => object>)[
        `${exchange.operation}Command`
      ];
      if (!Command) continue;
      const payload = JSON.stringify(exchange.request);
      const command = new Command({}) as { middlewareStack: { add: (m: unknown, o: object) => void } };
      const setBody: BuildMiddleware<object, MetadataBearer> = (next) => (args) => {
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        request.body = payload;
        request.headers['content-length'] = String(Buffer.byteLength(payload));
        return next(args);
      };
      command.middlewareStack.add(setBody, { step: 'build', priority: 'high', name: 'benchBody' });
      await client.send(command as never).catch(() => undefined);
    }
  } finally {
    client.destroy();
  }
  return { requests: exchanges.length, ms: performance.now() - started };
}
