import { describe } from 'vitest';

/**
 * Registers `body` as a describe block when the service is available; otherwise prints why the
 * tests are skipped, and under `CI=true` fails instead, because CI must never pass by skipping a
 * required service.
 */
export const describeWhenAvailable = (
  name: string,
  unavailable: string | undefined,
  body: () => void,
  options: { readonly requiredInCi: boolean } = { requiredInCi: true },
): void => {
  if (unavailable === undefined) {
    describe(name, body);
    return;
  }
  if (options.requiredInCi && process.env['CI'] === 'true') {
    describe(name, () => {
      throw new Error(`${name}: ${unavailable}; CI requires it`);
    });
    return;
  }
  console.log(`skipping "${name}": ${unavailable}`);
  describe.skip(name, body);
};
