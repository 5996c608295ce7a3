/**
 * Reads a PDF back as a person's viewer would: each page's text and the fonts it uses. pdfjs is
 * ESM-only and Jest runs tests as CommonJS, so extraction runs in a child `node` process.
 */
import { execFileSync } from 'node:child_process';
import { projectRoot } from '../../config/paths';
import { DossierDocument } from '../../db/entities';
import type { Stack } from './stack';

/** Reads a PDF on stdin; prints each page's text and every font the pages use. */
const EXTRACT = `
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
const pdf = await getDocument({ data: new Uint8Array(readFileSync(0)), verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
const pages = [];
const fonts = new Map();
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
  const ops = await page.getOperatorList();
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.setFont) return;
    const font = page.commonObjs.get(ops.argsArray[i][0]);
    fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
  });
}
process.stdout.write(JSON.stringify({ pages, fonts: [...fonts.values()] }));
`;

export interface ExtractedPdf {
  pages: string[];
  /** All pages' text with line breaks and runs of spaces made single spaces. */
  text: string;
  fonts: { name: string; embedded: boolean }[];
}

export function extractPdf(pdf: Buffer): ExtractedPdf {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', EXTRACT], { cwd: projectRoot, input: pdf });
  const { pages, fonts } = JSON.parse(out.toString('utf8')) as Omit<ExtractedPdf, 'text'>;
  return { pages, fonts, text: pages.join('\n').replace(/\s+/g, ' ') };
}

/** The text of a dossier's result document (`<code>-KQ1`), spaces collapsed. */
export async function resultText(stack: Stack, dossierCode: string): Promise<string> {
  const doc = await stack.db.orm.em.fork().findOneOrFail(DossierDocument, { code: `${dossierCode}-KQ1` }, { populate: ['content'] });
  return extractPdf(Buffer.from(doc.content)).text;
}
