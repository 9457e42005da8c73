/** Why a model command was refused. */
export type AnalyticsModelError =
  | {
      readonly kind: 'ModelVersionOutOfOrder';
      readonly modelId: string;
      readonly expected: number;
      readonly actual: number;
    }
  | { readonly kind: 'ModelParametersNotJson'; readonly modelId: string };
