import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTAINER_EMULATORS } from '../target-selection.ts';
import { defaultImage, LOCAL_IMAGES, LOCAL_IMAGES_ENV, REGISTRY_IMAGES } from './container-images.ts';

const EXACT_TAG = /^[a-z0-9.-]+(\/[a-z0-9._-]+)+:\d+\.\d+\.\d+$/;

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

  it('uses LocalStack Pro, the image that serves Cognito', () => {
    expect(REGISTRY_IMAGES.localstack).toMatch(/^localstack\/localstack-pro:/);
  });

  it('picks the locally built image only when the engine script asked for it, and only where one exists', () => {
    expect(defaultImage('cognito-local', {})).toBe(REGISTRY_IMAGES['cognito-local']);
    expect(defaultImage('cognito-local', { [LOCAL_IMAGES_ENV]: '1' })).toBe(LOCAL_IMAGES['cognito-local']);
    expect(defaultImage('moto', { [LOCAL_IMAGES_ENV]: '1' })).toBe(REGISTRY_IMAGES.moto);
    expect(defaultImage('cognito-local', { [LOCAL_IMAGES_ENV]: '0' })).toBe(REGISTRY_IMAGES['cognito-local']);
  });
});
