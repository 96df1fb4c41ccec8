/** Any UUID, as an id from a URL or a cursor must look before it reaches a uuid column. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL is a UUID: anything else is "not found", never a database error. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
