/**
 * The injection grammar, tokenized by VS Code's own TextMate engine (from the code-server that
 * scripts/vscode-test/install.sh puts in .vscode-test/; skipped when it is not installed).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const VSCODE = path.join(ROOT, ".vscode-test/code-server/node_modules/code-server/lib/vscode");
const GRAMMARS: Record<string, string> = {
  "text.html.markdown": path.join(VSCODE, "extensions/markdown-basics/syntaxes/markdown.tmLanguage.json"),
  "verbatim.quotes.injection": path.join(ROOT, "syntaxes/quotes.injection.tmLanguage.json"),
  "text.plain.verbatim": path.join(ROOT, "syntaxes/plaintext.tmLanguage.json"),
};

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports */
async function tokenizer(scope: string): Promise<(line: string) => string[]> {
  const tm = require(path.join(VSCODE, "node_modules/vscode-textmate"));
  const onig = require(path.join(VSCODE, "node_modules/vscode-oniguruma"));
  await onig.loadWASM(fs.readFileSync(path.join(VSCODE, "node_modules/vscode-oniguruma/release/onig.wasm")).buffer);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (name: string) => (GRAMMARS[name] ? tm.parseRawGrammar(fs.readFileSync(GRAMMARS[name], "utf8"), GRAMMARS[name]) : null),
    getInjections: (name: string) => (name === "text.html.markdown" || name === "text.plain.verbatim" ? ["verbatim.quotes.injection"] : []),
  });
  const grammar = await registry.loadGrammar(scope);
  return (line) =>
    grammar
      .tokenizeLine(line, tm.INITIAL)
      .tokens.map((t: any) => `${line.slice(t.startIndex, t.endIndex)}=${t.scopes[t.scopes.length - 1]}`)
      .filter((s: string) => s.includes(".verbatim"));
}

describe("quotation grammar", function () {
  before(function () {
    if (!fs.existsSync(VSCODE)) this.skip();
  });

  for (const scope of ["text.html.markdown", "text.plain.verbatim"]) {
    it(`highlights quotations, cues and speakers in ${scope}`, async () => {
      const tokens = (await tokenizer(scope))(`"We cannot keep paying," said Rosalind Achterberg, who chairs it.`);
      assert.deepEqual(tokens.filter((t) => !t.endsWith("=text.plain.verbatim")), [
        `"=punctuation.definition.string.begin.verbatim`,
        `We cannot keep paying,=string.quoted.double.verbatim`,
        `"=punctuation.definition.string.end.verbatim`,
        `said=keyword.other.attribution.verbatim`,
        `Rosalind Achterberg=entity.name.type.speaker.verbatim`,
      ]);
    });
  }

  it("leaves inch marks and inline code alone in Markdown", async () => {
    const tokens = (await tokenizer("text.html.markdown"))("A 5\" pipe and `\"code\"` here.");
    assert.deepEqual(tokens, []);
  });
});
