import type { ContainerEmulator } from '../target-selection.ts';

/**
 * The images a `container:<emulator>` target runs by default, pinned to exact tags in this one place so a
 * conformance report always names the emulator build it judged. Never `latest`: a moving tag would change
 * results between runs without any change here.
 *
 * - cognito-local: the image its author publishes for each npm release; the tag matches the cognito-local
 *   version in package.json, so the container and the embedded target run the same code.
 * - moto: the server image of moto, whose Cognito IdP mock is part of the open-source build. Pinned to the
 *   release the project's own moto image is built from (`MOTO_VERSION` in scripts/container-engine.sh), so
 *   a machine with Docker and one without judge the same moto. moto's release job publishes this tag with
 *   each release (its CHANGELOG records the digest for 5.0.1:
 *   sha256:b6004b2e112c0ba870b2103049548abecec476edeac7a724ed9c71249358e821).
 * - localstack: the Pro image, because Cognito is a paid LocalStack feature (the community image lacks it);
 *   it needs `LOCALSTACK_AUTH_TOKEN` at start.
 */
export const REGISTRY_IMAGES: Readonly<Record<ContainerEmulator, string>> = {
  'cognito-local': 'jagregory/cognito-local:5.3.0',
  moto: 'motoserver/moto:5.0.1',
  localstack: 'localstack/localstack-pro:4.14.0',
};

/**
 * Images that scripts/container-engine.sh builds on machines without a registry (the project's own
 * machines and CI), with no download: cognito-local from the host's node and the installed node_modules;
 * moto from the host's Debian python3 and Debian's packages of moto's dependencies, plus moto's source at
 * the same release as the registry pin (from `emulators/` of the source documents' directory,
 * `$COGNITO_CONFORMANCE_DOCUMENTS` or ../shared, unless `$COGNITO_CONFORMANCE_MOTO_SOURCE` names the checkout).
 * LocalStack Pro still needs its registry image.
 */
export const LOCAL_IMAGES: Readonly<Partial<Record<ContainerEmulator, string>>> = {
  'cognito-local': 'localhost/cognito-conformance/cognito-local:5.3.0',
  moto: 'localhost/cognito-conformance/moto:5.0.1',
};

/**
 * Set to `1` by scripts/container-engine.sh (in the environment it prints) so that the default images are
 * the locally built ones: Podman there cannot pull from any registry.
 */
export const LOCAL_IMAGES_ENV = 'COGNITO_CONFORMANCE_LOCAL_IMAGES';

/**
 * The image to run for `emulator` when the user gave no `--image`: the locally built one when
 * {@link LOCAL_IMAGES_ENV} is `1` and one exists for that emulator, else the registry pin.
 */
export function defaultImage(emulator: ContainerEmulator, env: NodeJS.ProcessEnv = process.env): string {
  if (env[LOCAL_IMAGES_ENV] === '1') {
    const local = LOCAL_IMAGES[emulator];
    if (local !== undefined) return local;
  }
  return REGISTRY_IMAGES[emulator];
}

/**
 * The emulator release a pinned image runs (its tag), for the report's `target.version`; undefined for any
 * other image (an `--image` override), whose tag need not be a release.
 */
export function pinnedVersion(image: string): string | undefined {
  const pinned = [...Object.values(REGISTRY_IMAGES), ...Object.values(LOCAL_IMAGES)];
  if (!pinned.includes(image)) return undefined;
  return image.slice(image.lastIndexOf(':') + 1);
}

/** True for images the project builds itself (the hint for a missing one is then "run the engine script"). */
export function isProjectBuiltImage(image: string): boolean {
  return Object.values(LOCAL_IMAGES).includes(image) || image.startsWith('localhost/cognito-conformance/');
}
