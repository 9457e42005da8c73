import type { Coordinates } from './values.js';

/** The mean Earth radius of the IUGG, in metres. */
const EARTH_RADIUS_METERS = 6_371_008.8;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * The great-circle distance between two points (haversine formula), rounded to whole metres: a
 * check-in needs to say "at the customer" or "3 km away", not survey precision.
 */
export const distanceInMeters = (from: Coordinates, to: Coordinates): number => {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h))));
};
