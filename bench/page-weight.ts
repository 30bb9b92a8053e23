import { gzipSync } from "node:zlib";

// The JavaScript a page makes the browser download: every /assets/*.js or /govuk/*.js its HTML names
// (module scripts, modulepreload links, the hydration script's imports), and the chunks those load
// at once with a dynamic import (GOV.UK Frontend, from the root), gzipped as a server would.

export function scriptUrls(html: string): string[] {
  return [...new Set([...html.matchAll(/["'](\/(?:assets|govuk)\/[^"']+\.js)["']/g)].map((m) => m[1]!))];
}

export async function gzippedJavaScript(baseUrl: string, html: string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  const urls = scriptUrls(html);
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i]!;
    const response = await fetch(`${baseUrl}${url}`);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const code = Buffer.from(await response.arrayBuffer());
    bytes += gzipSync(code).length;
    // The route manifest names every route's module; those load only on navigation, so it is not followed.
    if (!/\/manifest-[^/]+\.js$/.test(url)) {
      for (const chunk of dynamicImports(code.toString(), url)) if (!urls.includes(chunk)) urls.push(chunk);
    }
  }
  return { files: urls.length, bytes };
}

/** Chunks a module imports dynamically (`import("./chunk.js")`), as paths from the site root. */
export function dynamicImports(code: string, from: string): string[] {
  const dir = from.slice(0, from.lastIndexOf("/") + 1);
  return [...code.matchAll(/import\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g)].map((m) => `${dir}${m[1]!.slice(2)}`);
}
