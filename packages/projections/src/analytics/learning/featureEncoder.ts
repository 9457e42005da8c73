/** A feature of a case: a category (one column per level seen often enough) or a number. */
export type FeatureDefinition<C> =
  | {
      readonly kind: 'category';
      readonly name: string;
      readonly valueOf: (item: C) => string;
      /** Levels seen fewer times in training get no column (they score as the intercept). */
      readonly minCount: number;
    }
  | { readonly kind: 'number'; readonly name: string; readonly valueOf: (item: C) => number };

/** What an encoder learned from the training cases: plain data, recorded with a model. */
export interface EncoderState {
  /** The levels given a column, by category feature, in column order. */
  readonly levels: Readonly<Record<string, readonly string[]>>;
  /** The training mean and standard deviation, by numeric feature (numbers are standardized). */
  readonly scales: Readonly<Record<string, { readonly mean: number; readonly sd: number }>>;
}

/** A fitted encoder: cases to dense vectors, and each column's feature and level. */
export interface FeatureEncoder<C> {
  readonly state: EncoderState;
  readonly columns: readonly { readonly feature: string; readonly level: string | null }[];
  encode(item: C): number[];
}

const learnLevels = <C>(items: readonly C[], valueOf: (item: C) => string, minCount: number) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const level = valueOf(item);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([level]) => level)
    .sort();
};

const learnScale = <C>(items: readonly C[], valueOf: (item: C) => number) => {
  const values = items.map(valueOf);
  const mean = values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, values.length);
  return { mean, sd: variance > 0 ? Math.sqrt(variance) : 1 };
};

/**
 * Learns the encoding of the features from the training cases: the category levels seen at least
 * `minCount` times (sorted, so column order never depends on the order of the log), and each
 * number's mean and standard deviation. Cases scored later are encoded with what was learned here,
 * so nothing about them leaks into the encoding.
 */
export const fitFeatureEncoder = <C>(
  features: readonly FeatureDefinition<C>[],
  training: readonly C[],
): FeatureEncoder<C> => {
  const levels: Record<string, readonly string[]> = {};
  const scales: Record<string, { mean: number; sd: number }> = {};
  for (const feature of features) {
    if (feature.kind === 'category')
      levels[feature.name] = learnLevels(training, feature.valueOf, feature.minCount);
    else scales[feature.name] = learnScale(training, feature.valueOf);
  }
  return encoderFromState(features, { levels, scales });
};

/**
 * The encoder a recorded state describes: the same columns and scaling as when it was fitted, so
 * a model read back from the log encodes cases exactly as it did when it scored them.
 */
export const encoderFromState = <C>(
  features: readonly FeatureDefinition<C>[],
  state: EncoderState,
): FeatureEncoder<C> => {
  const columns = features.flatMap((feature): { feature: string; level: string | null }[] =>
    feature.kind === 'category'
      ? (state.levels[feature.name] ?? []).map((level) => ({ feature: feature.name, level }))
      : [{ feature: feature.name, level: null }],
  );
  const encode = (item: C): number[] =>
    features.flatMap((feature) => {
      if (feature.kind === 'category') {
        const value = feature.valueOf(item);
        return (state.levels[feature.name] ?? []).map((level) => (level === value ? 1 : 0));
      }
      const scale = state.scales[feature.name] ?? { mean: 0, sd: 1 };
      return [(feature.valueOf(item) - scale.mean) / scale.sd];
    });
  return { state, columns, encode };
};
