// Protected-path patterns, matched against repository paths with picomatch. (Line comments, since
// the examples contain the sequence that would end a block comment.)
//
// Semantics (gitignore-like; the differences are marked):
// - Patterns are relative to the repository root and compared, case-sensitively, with the full
//   path of every changed file (`src/app/test_x.py`).
// - A pattern without a `/` (other than a trailing one) matches at any depth, as in .gitignore:
//   `conftest.py` matches `conftest.py` and `a/b/conftest.py`; `*.snap` matches every snapshot.
// - A pattern with a `/` at the start or in the middle is anchored to the root: `/setup.cfg` and
//   `tests/unit/*.py` match only from the top. `**/` still spans directories: `**/fixtures/` is a
//   `fixtures` directory anywhere, `src/**/test_*.py` a test file at any depth under `src/`.
// - A pattern that matches a directory matches everything under it: `tests`, `tests/` and
//   `tests/**` all protect every file below `tests/`. Unlike .gitignore, `tests/` and `tests/**`
//   also match a file or symlink named `tests` itself, so replacing a protected directory by a file
//   or a symlink is caught.
// - `*` and `?` do not cross `/`; `**` does. `[abc]`, `[a-z]` and `{a,b}` work as in picomatch;
//   `(`, `)`, `|` and extglobs such as `+(a|b)` are ordinary characters. A backslash escapes the next character (`\*`, `\!`).
// - Dotfiles and dot-directories match like any other name (`*.yml` matches `.pre-commit.yml`).
// - A leading `!` negates: a path is protected when the LAST pattern that matches it is not a
//   negation, as in .gitignore. Unlike .gitignore, a negation can re-include a file inside a
//   matched directory: `["tests/", "!tests/generated/"]` protects `tests/` except `tests/generated/`.
// - Names may contain any character, newlines included.
// Invalid patterns (empty, `.`, `..` or empty segments, a NUL) are rejected with a
// ConfigurationError naming the pattern.
import picomatch from "picomatch";
import { ConfigurationError } from "../core/errors.js";

interface Rule {
  pattern: string;
  negated: boolean;
  regex: RegExp;
}

const PICOMATCH_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  // Negation is handled here, so that "last match wins" works across patterns.
  nonegate: true,
  noextglob: true,
};

/** A predicate telling whether a path is protected by `patterns`. */
export function compileGlobs(patterns: readonly string[]): (path: string) => boolean {
  const decide = compileGlobRules(patterns);
  return (path) => decide(path) !== undefined;
}

/**
 * Like compileGlobs, but answers with the pattern that decided (for messages), or undefined when
 * no pattern matches or the deciding one is a negation.
 */
export function compileGlobRules(patterns: readonly string[]): (path: string) => string | undefined {
  const rules = patterns.map(compileRule);
  return (path) => {
    const candidates = pathAndParents(path);
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule === undefined) continue;
      if (candidates.some((candidate) => rule.regex.test(candidate))) {
        return rule.negated ? undefined : rule.pattern;
      }
    }
    return undefined;
  };
}

function compileRule(pattern: string): Rule {
  const negated = pattern.startsWith("!");
  let body = negated ? pattern.slice(1) : pattern;
  const invalid = (why: string): ConfigurationError =>
    new ConfigurationError(`invalid protected-path pattern ${JSON.stringify(pattern)}: ${why}`);
  if (body.includes("\0")) throw invalid("it contains a NUL character");
  const anchored = body.startsWith("/");
  if (anchored) body = body.slice(1);
  if (body.endsWith("/")) body = body.slice(0, -1);
  if (body === "") throw invalid("it matches nothing (an empty pattern)");
  if (body.split("/").some((segment) => segment === "." || segment === ".." || segment === "")) {
    throw invalid('write paths from the repository root, without "./", ".." or "//"');
  }
  const rooted = anchored || body.includes("/");
  // picomatch already lets `dir/**` match `dir` itself; a trailing `/` is covered by parent matching.
  const glob = literalRegexCharacters(rooted ? body : `**/${body}`);
  try {
    const re = picomatch.makeRe(glob, PICOMATCH_OPTIONS);
    // picomatch's answer to a pattern it cannot parse (an unclosed brace) is a regex matching nothing.
    if (re.source === "$^") throw invalid("it cannot be parsed (an unclosed brace or bracket?)");
    // Paths may contain newlines: make `.` in picomatch's output match them too.
    return {
      pattern,
      negated,
      regex: new RegExp(re.source, re.flags.includes("s") ? re.flags : `${re.flags}s`),
    };
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw invalid(error instanceof Error ? error.message : "picomatch rejected it");
  }
}

/**
 * picomatch passes `(`, `)` and `|` through to the regex it builds (so `a|b` would match `b`);
 * in a path pattern they are ordinary characters, so they are escaped unless already escaped.
 */
function literalRegexCharacters(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === "\\") {
      out += char + glob.charAt(i + 1);
      i++;
    } else {
      out += char === "(" || char === ")" || char === "|" ? `\\${char}` : char;
    }
  }
  return out;
}

/** `a/b/c` → [`a`, `a/b`, `a/b/c`]: a pattern matching a directory matches what lies under it. */
function pathAndParents(path: string): string[] {
  const parts = path.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}
