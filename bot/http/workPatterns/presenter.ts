import { StaffWorkPattern } from '../../app/goals/workPatternUseCases';

/** Staff as SLT see them for work patterns: name and share of full time, no more. */
export function presentStaffPattern({ person, pattern }: StaffWorkPattern) {
  return { personId: person.id, name: person.name, ftePercent: pattern?.ftePercent ?? 100 };
}
