/**
 * What the desk gets from each finding (issue 12): citations in each style written exactly, the
 * exported review sheet (the very sheet `verbatim check --format markdown|csv` prints), and a
 * Speakers view that says it is loading instead of offering to create a project file.
 */
import * as assert from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as vscode from "vscode";
import { activate, quickFixes, rangeOf, verbatimApi, verbatimDiagnostics, waitFor, writeFile } from "./helpers";
import type { SpeakerNode } from "../../../src/extension/speakersView";

const ROOT = path.resolve(__dirname, "../../../..");
const ACHTERBERG = "We cannot keep paying for boats that cross the bay almost empty,";
const OKONJO = "Islanders who work late shifts will be stranded on the mainland.";
const VENKATARAMAN = "The savings are tiny compared to the harm this does to island families,";
const DRAFT = `# Ferry vote\n\n"${ACHTERBERG}" said Rosalind Achterberg.\n\nOkonjo said: "${OKONJO}"\n\n"${VENKATARAMAN}" said Priya Venkataraman.\n`;
const HERALD = "Bellmouth Gazette, “Harbour council votes to close the night ferry,” Oct. 8, 2024";
const URL = "https://gazette.example/night-ferry-vote";

suite("Citations, the review sheet and the Speakers view", () => {
  let document: vscode.TextDocument;
  let uri: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    uri = await writeFile("drafts/citations.md", DRAFT);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor("the draft's misquote", () => verbatimDiagnostics(uri).length === 1);
  });

  /** Applies the citation fix of the quote holding `words` (in the citation style set) and gives the draft's text, then undoes it. */
  const cite = async (words: string, style?: "link" | "ap") => {
    const config = vscode.workspace.getConfiguration("verbatim", uri);
    if (style) await config.update("citationStyle", style, vscode.ConfigurationTarget.Workspace);
    try {
      const action = await waitFor("the citation fix", async () => {
        const found = (await quickFixes(uri, rangeOf(document, words))).find((a) => a.title.startsWith(style === "ap" ? "Cite as" : "Add citation"));
        return found?.edit && found;
      });
      assert.ok(await vscode.workspace.applyEdit(action.edit!));
      const text = document.getText();
      await vscode.commands.executeCommand("undo");
      await waitFor("the draft as it was", () => document.getText() === DRAFT);
      return { title: action.title, text };
    } finally {
      if (style) await config.update("citationStyle", undefined, vscode.ConfigurationTarget.Workspace);
    }
  };

  test("Add citation, by default a footnote naming the outlet, headline, date and link", async () => {
    const { title, text } = await cite(ACHTERBERG);
    assert.strictEqual(title, "Add citation (Bellmouth Gazette, Oct. 8, 2024)");
    assert.strictEqual(text, DRAFT.replace(`${ACHTERBERG}"`, `${ACHTERBERG}"[^1]`) + `\n[^1]: ${HERALD}, <${URL}>.\n`);
  });

  test("…an inline link at the end of the quote's sentence", async () => {
    const { text } = await cite(ACHTERBERG, "link");
    assert.strictEqual(text, DRAFT.replace("said Rosalind Achterberg.", `said Rosalind Achterberg ([${HERALD}](${URL})).`));
  });

  test("…or an AP-style attribution phrase", async () => {
    const after = await cite(ACHTERBERG, "ap");
    assert.strictEqual(after.title, "Cite as “told the Bellmouth Gazette on Oct. 8, 2024”");
    assert.strictEqual(after.text, DRAFT.replace("said Rosalind Achterberg.", "Rosalind Achterberg told the Bellmouth Gazette on Oct. 8, 2024."));
    const before = await cite(OKONJO, "ap");
    assert.strictEqual(before.text, DRAFT.replace("Okonjo said:", "Okonjo told the Bellmouth Gazette on Oct. 8, 2024:"));
  });

  test("Use the source's wording on the misquote: the exact edit", async () => {
    const action = (await quickFixes(uri, rangeOf(document, "harm"))).find((a) => a.title === "Use the source's wording");
    assert.ok(action?.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.strictEqual(document.getText(), DRAFT.replace("the harm this", "the damage this"));
    await vscode.commands.executeCommand("undo");
    await waitFor("the draft as it was", () => document.getText() === DRAFT);
  });

  test("Export review writes every quote with verdict, speakers, source, similarity and changed words — the CLI's sheet", async () => {
    await waitFor("the misquote back", () => verbatimDiagnostics(uri).length === 1);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const cli = (format: string) => spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "check", "--format", format, "drafts/citations.md"], { cwd: folder.fsPath, encoding: "utf8", env: { ...process.env, ELECTRON_RUN_AS_NODE: "1", VERBATIM_CACHE: "off" } });
    for (const [name, format] of [["citations.review.md", "markdown"], ["citations.review.csv", "csv"]]) {
      const target = vscode.Uri.joinPath(folder, name);
      const written = await vscode.commands.executeCommand<string>("verbatim.exportReview", uri, target);
      assert.strictEqual(written, target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      const expected = cli(format);
      assert.strictEqual(expected.status, 1, expected.stderr);
      assert.strictEqual(text, expected.stdout, `the exported ${format} is the CLI's`);
      if (format === "markdown") {
        const rows = text.split("\n").filter((l) => /^\| \d/.test(l));
        assert.deepStrictEqual(rows, [
          `| 3 | “${ACHTERBERG}” | verified | Rosalind Achterberg | ${HERALD} ([link](<${URL}>)) — sources/harbour-council.txt, line 5 | 100% |  |`,
          `| 5 | “${OKONJO}” | verified | Desmond Okonjo | ${HERALD} ([link](<${URL}>)) — sources/harbour-council.txt, line 7 | 100% |  |`,
          `| 7 | “${VENKATARAMAN}” | **misquoted** | Priya Venkataraman | ${HERALD} ([link](<${URL}>)) — sources/harbour-council.txt, line 9 | 90% | −“harm”, +“damage” |`,
        ]);
      } else {
        assert.strictEqual(text.split("\r\n")[0], "file,line,column,quote,verdict,speaker,source speaker,source file,source place,source title,source outlet,source authors,source date,source url,similarity,changed words,findings");
        assert.strictEqual(text.split("\r\n").length, 5);
      }
    }
  });

  test("the Speakers view says it is loading while the sources are read, never offering to create .verbatim.json", async () => {
    const api = await verbatimApi();
    const folder = vscode.workspace.workspaceFolders![0];
    try {
      await api.restartIndexing({ fresh: true });
      await api.setIndexDelay(300);
      api.speakersView.refresh();
      // While the list is being asked for, the view is "loading" (its welcome text says so), not "empty".
      const listing = api.speakersView.getChildren() as Promise<SpeakerNode[]>;
      assert.strictEqual(api.speakersView.state, "loading");
      await api.setIndexDelay(0);
      const list = await listing;
      await api.indexBuilt(folder);
      const done = await waitFor("the full list", async () => {
        const again = api.speakersView.state === "ready" ? list : ((await api.speakersView.getChildren()) as SpeakerNode[]);
        return api.speakersView.state === "ready" && again;
      });
      assert.ok(done.length > 0 && done.every((n) => n.type === "speaker"));
      // A list given while the first build still runs starts with this item.
      const item = api.speakersView.getTreeItem({ type: "loading" });
      assert.strictEqual(item.label, "Reading the sources…");
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, "loading~spin");
      const pkg = vscode.extensions.getExtension("verbatim-dev.verbatim")!.packageJSON;
      const welcome = pkg.contributes.viewsWelcome.filter((w: { view: string }) => w.view === "verbatim.speakers");
      // "Create .verbatim.json" only once the list is known to be empty; while loading, a loading text.
      assert.deepStrictEqual(
        welcome.map((w: { when: string; contents: string }) => [w.when, w.contents.includes("Create .verbatim.json"), w.contents.startsWith("Reading the source documents")]),
        [
          ["verbatim.speakers.state != empty", false, true],
          ["verbatim.speakers.state == empty", true, false],
        ],
      );
    } finally {
      await api.setIndexDelay(0);
    }
  });
});
