/**
 * Generated news articles for the archive tests and benchmark: paragraphs of invented words
 * mixed with English function words, and quotations credited to invented people
 * (`"…," said Talo Vesker.`). Deterministic (seeded) and unlimited in size: every quotation and
 * name is new text, so an archive of any size has quotations that occur once — as real archives
 * mostly do. Nothing here is a real name or sentence.
 */
import { rng } from "../../../bench/plant";

const ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "dr", "gr", "pl", "st", "tr", "sh", "th"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
const CODAS = ["", "", "n", "r", "s", "l", "m", "st", "nd", "rk"];
const FUNCTION_WORDS = ["the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was", "by", "at", "from", "it", "this", "be", "are", "had", "have", "not", "but", "their", "which", "would", "after", "more", "over", "than"];
const CUES = ["said", "added", "wrote"];

export interface GeneratedQuote {
  /** The quoted words as the article has them (no marks). */
  text: string;
  speaker: string;
  /** Offsets of the quoted words in the article. */
  start: number;
  end: number;
}

export interface GeneratedArticle {
  name: string;
  text: string;
  quotes: GeneratedQuote[];
}

export class NewsGenerator {
  private readonly random: () => number;
  /** A vocabulary of invented words (so text size grows without repeating sentences). */
  private readonly words: string[] = [];
  private readonly people: string[] = [];
  private serial = 0;

  constructor(seed = 11, vocabulary = 60000, people = 4000) {
    this.random = rng(seed);
    const seen = new Set<string>();
    while (this.words.length < vocabulary) {
      const w = this.word(1 + Math.floor(this.random() * 3));
      if (!seen.has(w) && w.length > 2) {
        seen.add(w);
        this.words.push(w);
      }
    }
    for (let i = 0; i < people; i++) this.people.push(`${cap(this.word(2))} ${cap(this.word(2 + (i % 2)))}`);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  private word(syllables: number): string {
    let w = "";
    for (let s = 0; s < syllables; s++) w += this.pick(ONSETS) + this.pick(VOWELS) + this.pick(CODAS);
    return w;
  }

  /** Content words follow a skewed distribution (a few common, most rare), like real text. */
  private contentWord(): string {
    const r = this.random();
    return this.words[Math.floor(r * r * r * this.words.length)];
  }

  sentence(min = 8, max = 20): string {
    const n = min + Math.floor(this.random() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.random() < 0.38 ? this.pick(FUNCTION_WORDS) : this.contentWord());
    out[0] = cap(out[0]);
    return out.join(" ");
  }

  /** The invented words, for text that needs new words of its own. */
  get vocabulary(): readonly string[] {
    return this.words;
  }

  person(): string {
    return this.pick(this.people);
  }

  /** One article of about `chars` characters with `quoteCount` attributed quotations. */
  article(chars = 3000, quoteCount = 3): GeneratedArticle {
    const name = `story-${String(this.serial++).padStart(7, "0")}`;
    let text = `${cap(this.sentence(4, 9))}\n\n`;
    const quotes: GeneratedQuote[] = [];
    const quoteAt = new Set<number>();
    const paragraphs = Math.max(quoteCount + 1, Math.round(chars / 420));
    while (quoteAt.size < Math.min(quoteCount, paragraphs)) quoteAt.add(1 + Math.floor(this.random() * (paragraphs - 1)));
    for (let p = 0; p < paragraphs; p++) {
      if (quoteAt.has(p)) {
        const speaker = this.person();
        const words = this.sentence(10, 22);
        const lead = `${this.sentence(6, 14)}. `;
        const start = text.length + lead.length + 1;
        const cue = this.pick(CUES);
        text += `${lead}"${words}," ${this.random() < 0.5 ? `${cue} ${speaker}` : `${speaker} ${cue}`}.\n\n`;
        quotes.push({ text: words, speaker, start, end: start + words.length });
      } else {
        text += `${this.sentence()}. ${this.sentence()}. ${this.sentence(5, 12)}.\n\n`;
      }
    }
    return { name, text, quotes };
  }
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
