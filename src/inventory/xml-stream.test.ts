import { describe, expect, it } from "vitest";
import { GateError } from "../core/errors.js";
import { fixture } from "./test-helpers.js";
import type { XmlHandler } from "./xml-stream.js";
import { decodeEntities, streamXml } from "./xml-stream.js";

/** Every event, as a compact string: `<a x="1">`, `"text"`, `</a>`. */
function events(xml: string): string[] {
  const out: string[] = [];
  let attributes: string[] = [];
  let name = "";
  const handler: XmlHandler = {
    open: (tag) => {
      name = tag;
      attributes = [];
    },
    attribute: (key, value) => attributes.push(`${key}=${JSON.stringify(value)}`),
    openEnd: () => out.push(`<${[name, ...attributes].join(" ")}>`),
    text: (data) => out.push(JSON.stringify(data)),
    close: (tag) => out.push(`</${tag}>`),
  };
  streamXml("r.xml", xml, handler);
  return out;
}

function rejection(xml: string): string {
  try {
    events(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(GateError);
    return (error as GateError).message;
  }
  throw new Error(`accepted: ${xml}`);
}

describe("streamXml", () => {
  it("reports elements, raw attributes and raw text in document order", () => {
    expect(
      events(`<?xml version="1.0"?><a x="1 &amp; 2" y='q'>t&lt;<b/><![CDATA[<c>&amp;]]><!-- c --></a>`),
    ).toEqual(['<a x="1 &amp; 2" y="q">', '"t&lt;"', "<b>", "</b>", '"<c>&amp;"', "</a>"]);
  });

  it("accepts a byte-order mark, whitespace around the root and a DOCTYPE with an internal subset", () => {
    expect(events("\uFEFF\n<a/>\n")).toEqual(["<a>", "</a>"]);
    const doctype = `<?xml version="1.0"?>\n<!DOCTYPE a [\n  <!ENTITY x "X">\n  <!ENTITY y "Y">\n]>\n<a>&x;</a>`;
    expect(events(doctype)).toEqual(["<a>", '"&x;"', "</a>"]);
    expect(events(`<!DOCTYPE a []><a/>`)).toEqual(["<a>", "</a>"]);
  });

  it("rejects a file cut anywhere before its end, naming the file", () => {
    const xml = fixture("pytest/xunit2.xml").trimEnd();
    for (let cut = 1; cut < xml.length; cut += 7) {
      const truncated = xml.slice(0, cut);
      if (truncated.trim() === "") continue;
      expect(rejection(truncated)).toMatch(
        /^r\.xml: (?:not well-formed XML at line \d+, column \d+|the report is empty)/,
      );
    }
    expect(events(xml).at(-1)).toBe("</testsuites>");
  });

  it("says where a truncated file ends and which element is open", () => {
    expect(rejection("<a>\n  <b>text")).toBe(
      "r.xml: not well-formed XML at line 2, column 10: <b> is not closed (the file ends early)",
    );
  });

  it("rejects empty files and files without a root element", () => {
    expect(rejection(" \n\t")).toBe("r.xml: the report is empty");
    expect(rejection(`<?xml version="1.0"?>`)).toMatch(/no root element$/);
    expect(rejection(`<!-- nothing -->`)).toMatch(/no root element$/);
  });

  it("rejects mismatched and stray end tags", () => {
    expect(rejection("<a><b></a>")).toMatch(/line 1, column 7: <\/…> does not close <b>$/);
    expect(rejection("<a></b></a>")).toMatch(/an end tag without a matching start tag$/);
    expect(rejection("<a/></a>")).toMatch(/an end tag without a matching start tag$/);
  });

  it("rejects a second root element and text outside the root", () => {
    expect(rejection("<a/><b/>")).toMatch(/a second root element <b>$/);
    expect(rejection("<a/>\n<a/>")).toMatch(/line 2, column 1: a second root element <a>$/);
    expect(rejection("x<a/>")).toMatch(/text before the root element$/);
    expect(rejection("<a/>trailing")).toMatch(/text after the root element$/);
    expect(rejection("<a/><![CDATA[x]]>")).toMatch(/text after the root element$/);
  });

  it("rejects attributes without quotes or value, and repeated attributes", () => {
    expect(rejection("<a x=1/>")).toMatch(/the value of attribute x is not quoted$/);
    expect(rejection("<a x/>")).toMatch(/attribute x has no value$/);
    expect(rejection(`<a x="1" x="2"/>`)).toMatch(/attribute x is repeated$/);
    expect(events(`<a x="1"><b x="2"/></a>`)).toEqual(['<a x="1">', '<b x="2">', "</b>", "</a>"]);
  });

  it("rejects elements inside a DOCTYPE declaration", () => {
    expect(rejection(`<!DOCTYPE a [ <!ENTITY x "y"> <b/> ]><a/>`)).toMatch(
      /<b> inside the DOCTYPE declaration$/,
    );
  });
});

describe("decodeEntities", () => {
  it("decodes the XML entities and character references once, and nothing else", () => {
    expect(decodeEntities("a &lt;b&gt; &amp;lt; &quot;&apos; &#65;&#x42; &#0; &nbsp; &a;")).toBe(
      "a <b> &lt; \"' AB &#0; &nbsp; &a;",
    );
    expect(decodeEntities("plain")).toBe("plain");
  });
});
