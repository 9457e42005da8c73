/** A refused or failed API call: the HTTP status and the server's reason. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** GETs a JSON answer of the dashboard's API, or throws an {@link ApiError} with the reason. */
export const getJson = async <T>(path: string): Promise<T> => {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json()) as T & { reason?: string };
  if (!response.ok) throw new ApiError(response.status, body.reason ?? response.statusText);
  return body;
};
