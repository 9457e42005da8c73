import { stringifyJson } from '@clientele/eventstore';

/** One wrong field of a request: its path in the body (or the header it came in) and why. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/**
 * An RFC 9457 problem-details body, the one shape of every error this service answers. `type`
 * names the kind of problem (documented at that path); the extension members say what a client
 * can act on: the wrong fields, the missing permission, the revision the stream is at.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem is about. */
  readonly instance?: string;
  /** 400: one entry per wrong field. */
  readonly errors?: readonly FieldError[];
  /** 403: the permission the actor's role lacks. */
  readonly permission?: string;
  /** 409 for a business rule: the rule's error as data (`{ kind: 'DuplicateCustomer', … }`). */
  readonly refusal?: unknown;
  /** 409 and 412: the stream's current revision, to retry from. */
  readonly currentRevision?: string;
}

/** Every kind of problem the service answers, with its status and what it means. */
export const PROBLEM_TYPES = {
  'invalid-request': {
    status: 400,
    title: 'The request is not valid',
    description: 'A header or the body does not decode; `errors` names each wrong field once.',
  },
  unauthenticated: {
    status: 401,
    title: 'Not signed in',
    description:
      'The app checks signed actor tokens: send `Authorization: Bearer <token>`; `detail` says why one was refused.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    description: "The actor's role lacks the permission named in `permission`.",
  },
  'not-found': { status: 404, title: 'Not found', description: 'No such record or route.' },
  'rule-refused': {
    status: 409,
    title: 'Refused by a business rule',
    description: 'The command conflicts with the current state of the record (`detail` says how).',
  },
  'concurrent-writers': {
    status: 409,
    title: 'Other writers kept changing the record',
    description: 'Every attempt met a newer revision; send the command again.',
  },
  'precondition-failed': {
    status: 412,
    title: 'The record changed since you read it',
    description: 'The `If-Match` revision is not the current one (`currentRevision`).',
  },
  'body-too-large': {
    status: 413,
    title: 'The body is too large',
    description: 'Commands are small; the limit is in `detail`.',
  },
  'read-model-not-ready': {
    status: 503,
    title: 'The read model is not built yet',
    description: 'The projections have not finished their first catch-up; try again shortly.',
  },
  'server-fault': {
    status: 500,
    title: 'The service failed',
    description: 'A fault of the machine, not of the request; it is logged.',
  },
} as const;

/** A kind of problem. */
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** The media type of a problem-details body. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem of a kind, with its detail and extension members. */
export const problem = (
  type: ProblemType,
  detail: string,
  extra: Omit<Problem, 'type' | 'title' | 'status' | 'detail'> = {},
): Problem => ({
  type: `/problems/${type}`,
  title: PROBLEM_TYPES[type].title,
  status: PROBLEM_TYPES[type].status,
  detail,
  ...extra,
});

/** The response carrying a problem; bigints (revisions) as decimal strings. */
export const problemResponse = (body: Problem, instance: string): Response =>
  new Response(stringifyJson({ ...body, instance }), {
    status: body.status,
    headers: { 'content-type': PROBLEM_MEDIA_TYPE },
  });

/** A JSON response; bigints (revisions, positions) as decimal strings. */
export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  new Response(stringifyJson(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
