import fc from 'fast-check';

/**
 * The value fast-check shrinks `arbitrary` to when every value fails: the smallest instance it can make (optional
 * members left out, strings and arrays as short as their constraints allow). Deterministic for a given `seed`;
 * no request is sent. Throws when the arbitrary produces nothing.
 */
export function smallestValue<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  const details = fc.check(
    fc.property(arbitrary, () => false),
    { seed, numRuns: 1 },
  );
  if (!details.failed || details.counterexample === null)
    throw new Error('smallestValue: the arbitrary generated no value');
  return details.counterexample[0] as T;
}
