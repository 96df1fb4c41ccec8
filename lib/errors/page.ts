import { notFound } from "next/navigation";
import { errorCode } from "./describe";

/** For a page that caught an error: the 404 page for not_found, else thrown on to the error boundary. */
export function pageOutcome(error: unknown): never {
  if (errorCode(error) === "not_found") notFound();
  throw error;
}

/** A lib read for a page, or the 404 page when it is not found (for this tenant). */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    return pageOutcome(error);
  }
}

/** A lib read, or null when it is not found; any other error is thrown on. */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (errorCode(error) === "not_found") return null;
    throw error;
  }
}
