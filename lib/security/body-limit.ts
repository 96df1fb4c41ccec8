/** Server actions take at most this much (Next's own default, set explicitly in next.config.ts). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export const ACTION_BODY_LIMIT = "1mb";
