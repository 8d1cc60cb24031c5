import fc from 'fast-check';
import { fixupFor, invalidRequests, validRequests, type FixupContext } from '../src/generate/index.ts';
import { loadOperationSpecs } from '../src/spec/index.ts';

/** Requests generated per operation and kind (valid, invalid) in the timed pass. */
const REQUESTS_PER_KIND = 200;

const CONTEXT: FixupContext = {
  userPoolId: 'us-east-1_Bench0001',
  clientId: 'benchclient0001',
  clientSecret: 'bench-secret',
  username: 'bench-user',
  password: 'Bench-Passw0rd',
  refreshToken: 'bench-refresh-token',
  uniqueName: (prefix) => `ccf-bench-${prefix}`,
};

/**
 * Mean cost of generating one request (valid or invalid, fix-up included) over every operation spec,
 * in microseconds. Arbitraries are built and warmed up first: the figure is the steady-state cost a
 * property run pays per request, not the one-off cost of deriving rules from a schema.
 */
export async function measureGenerationCost(): Promise<{ perRequestMicros: number }> {
  const arbitraries = loadOperationSpecs().flatMap((spec) => {
    const fixup = fixupFor(spec.operation);
    return [
      validRequests(spec, fixup, CONTEXT),
      invalidRequests(spec, fixup, CONTEXT),
    ] as fc.Arbitrary<unknown>[];
  });
  for (const arb of arbitraries) fc.sample(arb, { numRuns: 50, seed: 1 });
  let count = 0;
  const started = process.hrtime.bigint();
  for (const arb of arbitraries) count += fc.sample(arb, { numRuns: REQUESTS_PER_KIND, seed: 2 }).length;
  const elapsedMicros = Number(process.hrtime.bigint() - started) / 1000;
  return { perRequestMicros: Math.round((elapsedMicros / count) * 10) / 10 };
}
