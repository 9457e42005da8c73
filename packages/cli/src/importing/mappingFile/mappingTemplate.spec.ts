import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ColumnMapping } from '../columnMapping.js';
import { MAPPING_KIND_NAMES, mappableFields } from './mappingKinds.js';
import { mappingTemplate } from './mappingTemplate.js';

describe('the mapping templates of the help', () => {
  it.each(MAPPING_KIND_NAMES)('are a valid mapping file for %s that lists every field', (kind) => {
    const template = JSON.parse(mappingTemplate(kind)) as unknown;
    const decoded = ColumnMapping.decode(template);
    expect(E.isRight(decoded)).toBe(true);
    if (E.isLeft(decoded)) return;
    expect(decoded.right.imports).toBe(kind);
    expect(Object.keys(decoded.right.columns)).toEqual(mappableFields(kind).map((f) => f.field));
  });

  it('lists the opportunity fields from the command, with the stage instead of a stage id', () => {
    const fields = mappableFields('opportunities');
    expect(fields.filter((f) => f.required).map((f) => f.field)).toEqual([
      'name',
      'ownerId',
      'amount',
      'expectedCloseOn',
    ]);
    expect(fields.map((f) => f.field)).toContain('stage');
    expect(fields.map((f) => f.field)).not.toContain('stageId');
  });
});
