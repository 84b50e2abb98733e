import fc from "fast-check";
import { checkCase, checkHolds, documentText, quoteFindingHolds, readerHolds, sourceFile } from "../fuzz/properties";

// A few hundred generated documents on every test run; `npm run fuzz` runs a hundred thousand.
describe("property: arbitrary Unicode never breaks quote finding or the check", function () {
  this.timeout(120000);

  it("finds quotes inside the document, pieces ordered and disjoint", () => {
    fc.assert(fc.property(documentText, fc.boolean(), (text, markdown) => quoteFindingHolds(text, markdown)), { numRuns: 500 });
  });

  it("checks a draft against a source without throwing; passages lie inside the source", () => {
    fc.assert(fc.property(checkCase, (c) => checkHolds(c)), { numRuns: 500 });
  });

  it("reads any source file without throwing; utterances and regions lie inside its text", async () => {
    await fc.assert(fc.asyncProperty(sourceFile, (f) => readerHolds(f)), { numRuns: 300 });
  });
});
