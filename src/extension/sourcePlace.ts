/** How a passage's place in its source reads: `line 7` in a file, else its page or timestamp. */
import type { SourcePlace } from "../core/report/places";
import { t } from "./l10n";

export function placeLabel(place: SourcePlace | undefined): string {
  if (!place) return "";
  return place.exact ? t("line {0}", place.line) : (place.region ?? "");
}
