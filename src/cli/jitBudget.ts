/**
 * Imported first by the `verbatim` command (and so by its language server), never by the editor's
 * extension host, whose V8 is not ours to tune.
 *
 * V8 optimises a function once it has run for an "interrupt budget" of bytecode; a check runs
 * for a second or two, so at the default budget hundreds of functions are optimised (and many
 * again, after a rare branch first runs) on V8's background threads while the document is read:
 * ~40 % of the process's CPU time for a 1 MB draft. Four times the default budget optimises only
 * the functions that stay hot: a 1 MB draft or source takes 15–20 % less CPU in all, its main
 * thread no more (measured, issue 10). The output is the same: only when code is compiled changes.
 */
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--interrupt-budget=270336");
