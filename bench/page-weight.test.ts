import { describe, expect, it } from "vitest";
import { dynamicImports, scriptUrls } from "./page-weight";

describe("the JavaScript a page names", () => {
  it("finds module scripts, modulepreloads and dynamic imports once each, and nothing else", () => {
    const html = `<link rel="modulepreload" href="/assets/entry.client-A1.js"/><link rel="stylesheet" href="/assets/app-B2.css"/>
      <script type="module" src="/assets/manifest-C3.js"></script><script>import("/assets/entry.client-A1.js"); import('/assets/root-D4.js')</script>`;
    expect(scriptUrls(html)).toEqual(["/assets/entry.client-A1.js", "/assets/manifest-C3.js", "/assets/root-D4.js"]);
  });
});

describe("chunks loaded by a dynamic import", () => {
  it("resolves them beside the module that imports them", () => {
    expect(dynamicImports('const m=()=>import("./govuk-frontend.min-X1.js");import( \'./b-2.js\' )', "/assets/root-D4.js")).toEqual(["/assets/govuk-frontend.min-X1.js", "/assets/b-2.js"]);
    expect(scriptUrls('<script type="module">import { initAll } from "/govuk/govuk-frontend.min.js"; initAll();</script>')).toEqual(["/govuk/govuk-frontend.min.js"]);
  });
});
