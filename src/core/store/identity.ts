/**
 * The build identity a saved entry must carry to be reused: the index format, a fingerprint of
 * what the tokenizer makes of a probe text (so a tokenizer change is noticed even in a
 * development build), and the build id esbuild stamps into the bundles (a hash of `src/core`, so
 * an entry written by another build of the engine — other attribution rules, other word lists —
 * is never read back, even when the format number is the same).
 */
import { INDEX_FORMAT_VERSION } from "../corpus/persist";
import { hashText } from "../corpus/sourceDocument";
import { tokenizeIds } from "../corpus/tokenizeIds";
import { Vocabulary } from "../corpus/vocabulary";
import { tokenize } from "../text/words";

declare const __VERBATIM_BUILD__: string | undefined;

/** `dev` when running from tsc's output (tests), else the bundle's engine hash. */
export const BUILD_ID: string = typeof __VERBATIM_BUILD__ === "string" ? __VERBATIM_BUILD__ : "dev";

/** Text that exercises every path of both tokenizers. */
const PROBE = "Don't say U.S. officials' 3.5% «naïve» Ǆemal—co-op; JOHN O’NEILL: Éva, ﬁne, 東京, e\u0301, users' it's.";

let cached: string | undefined;

export function storeIdentity(): string {
  if (cached === undefined) {
    const vocabulary = new Vocabulary();
    const ids = [...tokenizeIds(PROBE, vocabulary)].map((id) => vocabulary.words[id]).join(" ");
    const words = tokenize(PROBE).words.join(" ");
    const tokenizer = hashText(`${ids}\n${words}`).toString(16);
    cached = `index ${INDEX_FORMAT_VERSION}; tokenizer ${tokenizer}; build ${BUILD_ID}`;
  }
  return cached;
}
