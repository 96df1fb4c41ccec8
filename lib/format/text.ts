/** "customers" → "Customers": a label at the start of a heading or a list. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
