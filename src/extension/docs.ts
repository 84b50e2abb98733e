/** Where the user guide explains each finding (diagnostic codes link here). */
export const DOCS_URL = "https://github.com/verbatim-dev/verbatim/blob/main/docs/editor.md";

export const findingDocs = (kind: string) => `${DOCS_URL}#${kind}`;
