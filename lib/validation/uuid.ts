import { z } from "zod";

const uuid = z.uuid();

/** Whether a value from a URL is a UUID: anything else is "not found", never a database error. */
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
