/**
 * Finds the source files under a project's source entries on a local disk, with the policy a
 * fact-checker needs: every file once (by real path and by file identity), folders reached
 * twice through links walked once, symlink loops and FIFOs skipped with a warning, links that
 * lead out of the source folder not followed unless asked (a link to `..` or to `/` must not
 * turn the whole disk into sources), pseudo-filesystems (/proc, /sys, /dev and their kin) never
 * walked, and file names that are not valid UTF-8 listed all the same (opened by their bytes),
 * shown with `\xHH` escapes (the caller says so).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A file's path for the file system: a string, or its bytes when its name is not valid UTF-8. */
export type FsPath = string | Buffer;

export interface ListedFile {
  /** The absolute path as messages and reports show it (invalid UTF-8 bytes as `\xHH`). */
  name: string;
  /** The path to open it by. */
  file: FsPath;
  stat: fs.Stats;
}

export interface WalkOptions {
  maxFiles: number;
  warn: (message: string) => void;
  /** Follow links that lead out of the source folder they stand in. */
  followLinks?: boolean;
}

const SKIP_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", ".vscode-test", ".verbatim-cache"]);
/** Linux pseudo-filesystems by `statfs` type: proc, sysfs, devpts, debugfs, tracefs, securityfs, cgroup, cgroup2, pstore, bpf, configfs, fusectl, devtmpfs-less /dev is caught by path. */
const PSEUDO_FS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0x6165676c, 0xcafe4a11, 0x62656570, 0x65735543]);
const PSEUDO_ROOTS = ["/proc", "/sys", "/dev"];

/** Collects the files under the given files and folders (absolute or relative paths), each once. */
export function walkSources(roots: readonly string[], options: WalkOptions): ListedFile[] {
  const { warn } = options;
  const out: ListedFile[] = [];
  const seenReal = new Set<string>();
  const seenFile = new Set<string>();
  let overflow = false;
  // A link into any of the source folders stays among the sources.
  const realRoots = roots.flatMap((r) => {
    try {
      return [fs.realpathSync(r)];
    } catch {
      return [];
    }
  });
  for (const root of roots) {
    let realRoot: string;
    let stat: fs.Stats;
    try {
      realRoot = fs.realpathSync(root);
      stat = fs.statSync(realRoot);
    } catch (e) {
      warn(`skipping ${root}: ${describeError(e)}`);
      continue;
    }
    const pseudo = pseudoFilesystem(realRoot, stat);
    if (pseudo) {
      warn(`skipping ${root}: ${pseudo}`);
      continue;
    }
    // An explicit stack: folder depth is not ours to choose.
    const stack: { name: string; file: FsPath; real: string; stat: fs.Stats }[] = [{ name: path.resolve(root), file: path.resolve(root), real: realRoot, stat }];
    while (stack.length) {
      const item = stack.pop()!;
      if (seenReal.has(item.real)) continue; // a folder or file reached twice through links, or named twice
      seenReal.add(item.real);
      if (item.stat.isFile()) {
        const identity = `${item.stat.dev}:${item.stat.ino}`;
        if (seenFile.has(identity)) continue; // a hard link to a file already listed
        seenFile.add(identity);
        if (out.length >= options.maxFiles) overflow = true;
        else out.push({ name: item.name, file: item.file, stat: item.stat });
        continue;
      }
      if (!item.stat.isDirectory()) {
        warn(`skipping ${item.name}: ${kindOf(item.stat)}`);
        continue;
      }
      let entries: fs.Dirent<Buffer>[];
      try {
        entries = fs.readdirSync(item.file, { withFileTypes: true, encoding: "buffer" });
      } catch (e) {
        warn(`skipping folder ${item.name}: ${describeError(e)}`);
        continue;
      }
      const children: typeof stack = [];
      for (const entry of entries) {
        const raw = entry.name;
        const decoded = decodeName(raw);
        if (decoded.name.startsWith(".") || SKIP_DIRS.has(decoded.name)) continue;
        const name = path.join(item.name, decoded.name);
        const file: FsPath = decoded.valid && typeof item.file === "string" ? path.join(item.file, decoded.name) : Buffer.concat([Buffer.from(item.file), Buffer.from(path.sep), raw]);
        let real = path.join(item.real, decoded.name);
        let stat: fs.Stats;
        try {
          if (entry.isSymbolicLink()) {
            real = fs.realpathSync(file);
            if (!options.followLinks && !realRoots.some((r) => inside(real, r))) {
              warn(`skipping ${name}: a link out of the source folder (to ${real}) is not followed`);
              continue;
            }
          }
          stat = fs.statSync(file);
        } catch (e) {
          warn(`skipping ${name}: ${describeError(e)}`);
          continue;
        }
        if (stat.isDirectory() && stat.dev !== item.stat.dev) {
          const pseudo = pseudoFilesystem(real, stat);
          if (pseudo) {
            warn(`skipping ${name}: ${pseudo}`);
            continue;
          }
        }
        children.push({ name, file, real: decoded.valid || entry.isSymbolicLink() ? real : `${item.real}${path.sep}${decoded.name}`, stat });
      }
      // In name order (byte order of the names), depth first.
      children.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
      stack.push(...children);
    }
  }
  if (overflow) warn(`more than ${options.maxFiles} source files: the rest are skipped (see --max-files)`);
  return out;
}

const inside = (p: string, folder: string) => p === folder || p.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

/** Why a folder is not walked: it is (on) a pseudo-filesystem. Undefined for an ordinary one. */
function pseudoFilesystem(real: string, stat: fs.Stats): string | undefined {
  const under = PSEUDO_ROOTS.find((r) => inside(real, r));
  if (under) return `${real} is on a system pseudo-filesystem (${under}), not a folder of documents`;
  if (!stat.isDirectory() || typeof fs.statfsSync !== "function") return undefined;
  try {
    const type = fs.statfsSync(real).type;
    if (PSEUDO_FS.has(type)) return `${real} is on a system pseudo-filesystem (type 0x${type.toString(16)}), not a folder of documents`;
  } catch {
    // Not knowing is not a reason to skip.
  }
  return undefined;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return "a FIFO (named pipe), not a regular file";
  if (stat.isSocket()) return "a socket, not a regular file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device, not a regular file";
  return "not a regular file";
}

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file (removed while checking?)";
  if (code === "ELOOP") return "symlink loop";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return code ?? (e as Error).message;
}

/**
 * A file name's bytes as text: as UTF-8 when they are, else with every byte that is not part of
 * a valid UTF-8 sequence written `\xHH` (so two such names never look alike).
 */
export function decodeName(bytes: Uint8Array): { name: string; valid: boolean } {
  try {
    return { name: new TextDecoder("utf-8", { fatal: true }).decode(bytes), valid: true };
  } catch {
    // Decoded piece by piece below.
  }
  let name = "";
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      name += new TextDecoder().decode(bytes.subarray(i, i + n));
      i += n;
    } else name += `\\x${bytes[i++].toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return { name, valid: false };
}

/** The length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return i + 1 < b.length && b[i + 1] >= lo && b[i + 1] <= hi && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return i + 1 < b.length && b[i + 1] >= lo && b[i + 1] <= hi && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
