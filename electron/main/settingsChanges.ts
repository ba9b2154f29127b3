import type { Settings } from '../../contract';

/*
 * What a change to the settings changed, for the record of changes (changes.log) that Kiosk
 * status shows. Two grains, each with its own name:
 * - `changedSettings`: the settings that differ, by their top-level names (`clinic`,
 *   `playlists`): what loading a whole setup replaced;
 * - `changedFieldPaths`: the same, with the clinic's details named one by one (`clinic.phone`):
 *   what staff changed with one save on the settings screens.
 */

/** Top-level names of the settings that differ, e.g. `idleTimeoutSeconds`, `clinic`. */
export function changedSettings(before: Settings, after: Settings): string[] {
  return (Object.keys(after) as (keyof Settings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** Names of the settings that differ, the clinic's by field, e.g. `idleTimeoutSeconds`, `clinic.phone`. */
export function changedFieldPaths(before: Settings, after: Settings): string[] {
  const fields: string[] = [];
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (key === 'clinic') {
      for (const sub of Object.keys(after.clinic) as (keyof Settings['clinic'])[]) {
        if (JSON.stringify(before.clinic[sub]) !== JSON.stringify(after.clinic[sub])) {
          fields.push(`clinic.${sub}`);
        }
      }
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      fields.push(key);
    }
  }
  return fields;
}
