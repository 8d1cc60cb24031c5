import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTAINER_EMULATORS } from '../target-selection.ts';
import {
  defaultImage,
  isProjectBuiltImage,
  LOCAL_IMAGES,
  LOCAL_IMAGES_ENV,
  pinnedVersion,
  REGISTRY_IMAGES,
} from './container-images.ts';

const EXACT_TAG = /^[a-z0-9.-]+(\/[a-z0-9._-]+)+:\d+\.\d+\.\d+$/;

/** The moto release scripts/container-engine.sh builds its image from (`readonly MOTO_VERSION="…"`). */
function engineScriptMotoVersion(): string | undefined {
  const script = readFileSync('scripts/container-engine.sh', 'utf8');
  return /^readonly MOTO_VERSION="([^"]+)"$/m.exec(script)?.[1];
}

describe('container image pins', () => {
  it('pins every emulator to an exact version tag, never latest', () => {
    for (const emulator of CONTAINER_EMULATORS) {
      const image = REGISTRY_IMAGES[emulator];
      expect(image, emulator).toMatch(EXACT_TAG);
      expect(image, emulator).not.toMatch(/latest/);
    }
    for (const image of Object.values(LOCAL_IMAGES)) {
      expect(image).toMatch(EXACT_TAG);
      expect(image).toMatch(/^localhost\/cognito-conformance\//);
    }
  });

  it('runs the cognito-local version that package.json pins, in both images', () => {
    const pinned = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
    ).dependencies['cognito-local'];
    expect(REGISTRY_IMAGES['cognito-local']).toBe(`jagregory/cognito-local:${pinned}`);
    expect(LOCAL_IMAGES['cognito-local']).toBe(`localhost/cognito-conformance/cognito-local:${pinned}`);
  });

  it('runs the moto release the engine script builds, in both images', () => {
    const version = engineScriptMotoVersion();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(REGISTRY_IMAGES.moto).toBe(`motoserver/moto:${version}`);
    expect(LOCAL_IMAGES.moto).toBe(`localhost/cognito-conformance/moto:${version}`);
  });

  it('uses LocalStack Pro, the image that serves Cognito', () => {
    expect(REGISTRY_IMAGES.localstack).toMatch(/^localstack\/localstack-pro:/);
  });

  it('picks the locally built image only when the engine script asked for it, and only where one exists', () => {
    expect(defaultImage('cognito-local', {})).toBe(REGISTRY_IMAGES['cognito-local']);
    expect(defaultImage('cognito-local', { [LOCAL_IMAGES_ENV]: '1' })).toBe(LOCAL_IMAGES['cognito-local']);
    expect(defaultImage('moto', {})).toBe(REGISTRY_IMAGES.moto);
    expect(defaultImage('moto', { [LOCAL_IMAGES_ENV]: '1' })).toBe(LOCAL_IMAGES.moto);
    expect(defaultImage('localstack', { [LOCAL_IMAGES_ENV]: '1' })).toBe(REGISTRY_IMAGES.localstack);
    expect(defaultImage('cognito-local', { [LOCAL_IMAGES_ENV]: '0' })).toBe(REGISTRY_IMAGES['cognito-local']);
  });

  it('names the release of a pinned image, and nothing for an --image override', () => {
    expect(pinnedVersion(REGISTRY_IMAGES.moto)).toBe('5.0.1');
    expect(pinnedVersion('localhost/cognito-conformance/moto:5.0.1')).toBe('5.0.1');
    expect(pinnedVersion(REGISTRY_IMAGES['cognito-local'])).toBe('5.3.0');
    expect(pinnedVersion('motoserver/moto:5.1.0')).toBeUndefined();
    expect(pinnedVersion('my/cognito-local:dev')).toBeUndefined();
  });

  it('tells the project-built images from the registry ones', () => {
    expect(isProjectBuiltImage('localhost/cognito-conformance/moto:5.0.1')).toBe(true);
    expect(isProjectBuiltImage(REGISTRY_IMAGES.moto)).toBe(false);
  });
});
