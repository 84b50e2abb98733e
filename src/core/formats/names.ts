/** Speaker labels as people write names: `JANE DOE` → `Jane Doe`, `O'BRIEN` → `O'Brien`. */

const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;

export function normalCaseName(label: string): string {
  const name = label.replace(/\s+/g, " ").trim();
  // Already in mixed case: the writer chose it.
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .split(" ")
    .map((word) => (ROMAN.test(word) ? word : word.toLowerCase().replace(/(^|[-'’.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())))
    .map((word) => word.replace(/^Mc(\p{Ll})/u, (_, c: string) => "Mc" + c.toUpperCase()))
    .join(" ");
}
