/** A source that cannot be read, with the reason a user should see. */
export class FormatError extends Error {}
