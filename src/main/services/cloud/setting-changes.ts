/**
 * The activity log's `office.updated` details for a Cloud setting: each field that changed with
 * what it was and what it became, as the office settings write them; a secret only as changed.
 */
export function settingChanges(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>, secrets: readonly string[] = []) {
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) =>
      secrets.includes(key)
        ? // Objects: the log names the field without a value.
          { field: `${prefix}.${key}`, from: { set: before[key] != null }, to: { set: after[key] != null } }
        : { field: `${prefix}.${key}`, from: before[key] ?? null, to: after[key] ?? null },
    );
}
