/** A deleted workspace can be restored this long; then the purge job erases it. */
export const TENANT_RESTORE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export const purgeDateOf = (deletedAt: Date) => new Date(deletedAt.getTime() + TENANT_RESTORE_DAYS * DAY_MS);
export const purgeCutoff = (now = new Date()) => new Date(now.getTime() - TENANT_RESTORE_DAYS * DAY_MS);
