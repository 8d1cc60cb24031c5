/** The emulators `container:<emulator>` can launch. */
export const CONTAINER_EMULATORS = ['cognito-local', 'moto', 'localstack'] as const;
/** One of {@link CONTAINER_EMULATORS}. */
export type ContainerEmulator = (typeof CONTAINER_EMULATORS)[number];

/** Which target a run is aimed at, as chosen on the command line or in the environment. */
export type TargetSelection =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly region: string }
  | { readonly kind: 'aws'; readonly region: string; readonly allowAws: boolean; readonly endpoint?: string }
  | { readonly kind: 'container'; readonly emulator: ContainerEmulator; readonly image?: string };

/**
 * Parses `embedded`, `endpoint`, `aws` or `container:<emulator>` plus the settings that go with each.
 * @throws Error naming the flag when the target is unknown or its endpoint is not an http(s) URL.
 */
export function parseTargetSelection(input: {
  target?: string;
  endpoint?: string;
  region?: string;
  image?: string;
  allowAws?: boolean;
}): TargetSelection {
  const region = input.region ?? 'us-east-1';
  const target = input.target ?? (input.endpoint ? 'endpoint' : 'embedded');
  if (target === 'embedded') return { kind: 'embedded' };
  if (target === 'endpoint') {
    if (!input.endpoint) throw new Error('target endpoint: give the URL with --endpoint <url>');
    return { kind: 'endpoint', endpoint: validUrl(input.endpoint), region };
  }
  if (target === 'aws') {
    return {
      kind: 'aws',
      region,
      allowAws: input.allowAws ?? false,
      ...(input.endpoint ? { endpoint: validUrl(input.endpoint) } : {}),
    };
  }
  if (target.startsWith('container:')) {
    const emulator = target.slice('container:'.length);
    if (!(CONTAINER_EMULATORS as readonly string[]).includes(emulator)) {
      throw new Error(
        `target ${target}: unknown emulator; use container:${CONTAINER_EMULATORS.join(', container:')}`,
      );
    }
    return {
      kind: 'container',
      emulator: emulator as ContainerEmulator,
      ...(input.image ? { image: input.image } : {}),
    };
  }
  throw new Error(
    `target ${target}: unknown target; use embedded, endpoint (with --endpoint), aws or container:<emulator>`,
  );
}

function validUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--endpoint ${text}: not a URL; expected something like http://127.0.0.1:9229`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`--endpoint ${text}: use http or https`);
  return url.toString().replace(/\/$/, '');
}
