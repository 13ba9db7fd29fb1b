/**
 * The snapshot thresholds the setup menu offers (`cluster ... snapshot=<n>`,
 * §7): small ones to watch compaction and InstallSnapshot happen within a few
 * requests, large ones for long runs.
 */
export const SNAPSHOT_CHOICES: readonly number[] = [5, 10, 20, 50, 100];

/**
 * The menu's thresholds: the usual ones, and the run's own when a script chose
 * another (`snapshot=7`), so the menu can show what is in force.
 */
export function snapshotChoices(current: number | null): readonly number[] {
  if (current === null || SNAPSHOT_CHOICES.includes(current)) return SNAPSHOT_CHOICES;
  return [...SNAPSHOT_CHOICES, current].sort((a, b) => a - b);
}
