// Which metric names exist (rubric.md "Metrics"): rubric lint rejects any other name.
import { FUNCTIONS, INFO_FIELDS, KINDS, LEVELS, PURPOSES } from '../inventory/fields.js';

const fixed = new Set<string>([
  ...INFO_FIELDS.map((f) => f.key),
  'students.total', ...LEVELS.map((l) => `students.${l}`),
  'computers.all', ...PURPOSES.map((p) => `computers.${p}`), 'computers.per_lab',
  ...KINDS.flatMap((k) => [`equipment.${k}.all`, ...PURPOSES.map((p) => `equipment.${k}.${p}`)]),
  'teachers.count', 'teachers.elearning_share', 'teachers.it_standard_share', 'teachers.it_trained_share', 'teachers.uses_it_share',
  'groups.count', 'groups.computers_per_group',
  ...FUNCTIONS.map((fn) => `software.${fn}`), 'software.unlicensed',
]);

export const isKnownMetric = (name: string): boolean => fixed.has(name);
export const knownMetrics = (): string[] => [...fixed].sort();
