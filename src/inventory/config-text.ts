/**
 * Just enough parsing of INI, TOML, Makefiles and JS config text to say WHICH runner setting a diff
 * changed, so a dependency bump in pyproject.toml or package.json is not reported as tampering.
 * Deliberately forgiving: this reads untrusted files, and an odd construct must degrade to "the
 * section changed", never to "nothing changed".
 */

/** Section name → key → value (continuation lines joined). Keys before any header are under "". */
export type Sections = Map<string, Map<string, string>>;

/** INI (pytest.ini, tox.ini, setup.cfg): `[section]`, `key = value` or `key: value`, indented continuations. */
export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current = section(sections, "");
  let lastKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === "") continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header?.[1] !== undefined) {
      current = section(sections, header[1].trim());
      lastKey = undefined;
      continue;
    }
    if (/^\s/.test(raw) && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}\n${raw.trim()}`.trim());
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw.trim());
    if (pair?.[1] !== undefined) {
      lastKey = pair[1].trim();
      current.set(lastKey, (pair[2] ?? "").trim());
    }
  }
  return sections;
}

/**
 * TOML, line based: `[a.b]` and `[[a]]` headers (array tables numbered `a[1]`, `a[2]`), `key = value`
 * with multi-line arrays and strings joined until brackets and triple quotes balance.
 */
export function parseToml(text: string): Sections {
  const sections: Sections = new Map();
  const arrayCounts = new Map<string, number>();
  let current = section(sections, "");
  let pending: { key: string; value: string } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = stripTomlComment(raw).trim();
    if (pending !== undefined) {
      pending.value += `\n${line}`;
      if (balanced(pending.value)) {
        current.set(pending.key, pending.value);
        pending = undefined;
      }
      continue;
    }
    if (line === "") continue;
    const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]$/.exec(line);
    if (arrayHeader?.[1] !== undefined) {
      const name = arrayHeader[1];
      const count = (arrayCounts.get(name) ?? 0) + 1;
      arrayCounts.set(name, count);
      current = section(sections, `${name}[${count}]`);
      continue;
    }
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header?.[1] !== undefined) {
      current = section(sections, header[1]);
      continue;
    }
    const pair = /^("[^"]*"|'[^']*'|[^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair?.[1] === undefined) continue;
    const key = pair[1].replace(/^["']|["']$/g, "").trim();
    const value = pair[2] ?? "";
    if (balanced(value)) current.set(key, value);
    else pending = { key, value };
  }
  if (pending !== undefined) current.set(pending.key, pending.value);
  return sections;
}

function stripTomlComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return line.slice(0, i);
  }
  return line;
}

function balanced(value: string): boolean {
  const triple = (value.match(/"""|'''/g) ?? []).length;
  if (triple % 2 === 1) return false;
  let depth = 0;
  for (const c of value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, "")) {
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
  }
  return depth <= 0;
}

function section(sections: Sections, name: string): Map<string, string> {
  let found = sections.get(name);
  if (found === undefined) {
    found = new Map();
    sections.set(name, found);
  }
  return found;
}

export interface KeyChange {
  section: string;
  key: string;
  before: string | undefined;
  after: string | undefined;
}

/** Key-level differences in the sections `wanted` selects. */
export function diffSections(
  base: Sections,
  head: Sections,
  wanted: (section: string) => boolean,
): KeyChange[] {
  const changes: KeyChange[] = [];
  const names = new Set([...base.keys(), ...head.keys()]);
  for (const name of names) {
    if (!wanted(name)) continue;
    const before = base.get(name) ?? new Map<string, string>();
    const after = head.get(name) ?? new Map<string, string>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(key);
      const b = after.get(key);
      if (a !== b) changes.push({ section: name, key, before: a, after: b });
    }
  }
  return changes;
}

/**
 * Makefile rules: target → its prerequisites line and recipe. Several targets on one line and
 * `::` rules are handled; variables and conditionals are kept as text.
 */
export function parseMakeTargets(text: string): Map<string, { prerequisites: string[]; recipe: string }> {
  const targets = new Map<string, { prerequisites: string[]; recipe: string }>();
  let current: { prerequisites: string[]; recipe: string }[] = [];
  const joined = text.replace(/\\\r?\n/g, " ");
  for (const line of joined.split(/\r?\n/)) {
    if (line.startsWith("\t")) {
      for (const rule of current) rule.recipe += `${line.trim()}\n`;
      continue;
    }
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const rule = /^([^:=#\t][^:=#]*?)\s*::?(?!=)\s*([^=]*)$/.exec(line);
    if (rule?.[1] === undefined) {
      current = [];
      continue;
    }
    const [recipeInline, ...rest] = (rule[2] ?? "").split(";");
    const prerequisites = (recipeInline ?? "").split(/\s+/).filter((p) => p !== "");
    current = [];
    for (const name of rule[1].split(/\s+/)) {
      if (name === "") continue;
      const entry = targets.get(name) ?? { prerequisites: [], recipe: "" };
      entry.prerequisites.push(...prerequisites);
      if (rest.length > 0) entry.recipe += `${rest.join(";").trim()}\n`;
      targets.set(name, entry);
      current.push(entry);
    }
  }
  return targets;
}

/**
 * The `{ … }` object after `key:` in JS/TS config text (`test: { … }` in vite.config), by brace
 * matching that skips strings and comments. Undefined when there is none.
 */
export function objectAfterKey(text: string, key: string): string | undefined {
  const match = new RegExp(`\\b${key}\\s*:\\s*\\{`).exec(text);
  if (match === null) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let i = match.index + match[0].length - 1; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && text[i + 1] === "/")
      i = text.indexOf("\n", i) === -1 ? text.length : text.indexOf("\n", i);
    else if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return text.slice(match.index, i + 1);
    }
  }
  return text.slice(match.index);
}

/** Values in messages: one line, bounded, in backticks. */
export function show(value: string | undefined): string {
  if (value === undefined) return "(absent)";
  const flat = value.replace(/\s+/g, " ").trim();
  const bounded = flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
  return `\`${bounded.replaceAll("`", "'")}\``;
}
