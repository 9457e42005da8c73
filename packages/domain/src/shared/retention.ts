import * as t from 'io-ts';

/**
 * Kinds of record the law requires to be kept for a while even after their person asks to be
 * forgotten: an invoice's billing contact must stay readable for the tax authority. Personal fields
 * of such records are encrypted with a second key of the person, one per class, so erasing the
 * person can destroy their main key at once and this one when the hold ends.
 */
export const RetentionClass = t.keyof({ invoice: null }, 'RetentionClass');
/** A kind of record kept by law after its person is forgotten. */
export type RetentionClass = t.TypeOf<typeof RetentionClass>;

/** Every retention class, for walking them all. */
export const RETENTION_CLASSES = Object.keys(RetentionClass.keys) as readonly RetentionClass[];

const PREFIX = 'retained:';

/**
 * The key-store subject id under which a person's fields of one retention class are encrypted:
 * `retained:<class>:<subjectId>`. It names the person, so their access export and erasure find it.
 */
export const retainedKeySubject = (subjectId: string, retentionClass: RetentionClass): string =>
  `${PREFIX}${retentionClass}:${subjectId}`;

/** Whose key a key-store subject id is: the person, and the retention class when it is a held key. */
export const keySubjectOwner = (
  keySubject: string,
): { readonly subjectId: string; readonly retentionClass: RetentionClass | undefined } => {
  if (!keySubject.startsWith(PREFIX)) return { subjectId: keySubject, retentionClass: undefined };
  const rest = keySubject.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const retentionClass = rest.slice(0, colon);
  return colon > 0 && RetentionClass.is(retentionClass)
    ? { subjectId: rest.slice(colon + 1), retentionClass }
    : { subjectId: keySubject, retentionClass: undefined };
};
