import type { Upcaster } from '@clientele/eventstore';
import { fieldsOf } from './storedFields.js';

/**
 * CommissionPlanAssigned v1 → v2: the plan gains `leaverRule`. A version-1 plan had no rule for
 * leavers and kept paying a rep after they left, which is what `keep` means: the step states the
 * rule old plans ran under, it does not choose one.
 */
export const commissionPlanAssignedV1: Upcaster = {
  type: 'CommissionPlanAssigned',
  fromVersion: 1,
  upcast: (data) => {
    const fields = fieldsOf(data);
    const plan = fieldsOf(fields['plan']);
    return { ...fields, plan: { ...plan, leaverRule: plan['leaverRule'] ?? 'keep' } };
  },
};

/** Steps from older shapes of Commission events to their current ones. */
export const commissionUpcasters: readonly Upcaster[] = [commissionPlanAssignedV1];
