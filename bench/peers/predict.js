#!/usr/bin/env node
// Runs the peer sentiment tools over a TSV file and writes, for each peer,
// OUT_DIR/<peer>.tsv with one "label<TAB>score" line per input row: the same
// contract as `vigie score`, so one script (metrics.py) scores every system.
//
//   node predict.js LANG FILE.tsv OUT_DIR
//
// LANG is en, fr or de; the text is the first tab-separated column of FILE.
// How each peer is called and how its output becomes a label: README.md.
'use strict';

// natural pulls in dotenv, which otherwise prints a banner on stdout.
process.env.DOTENV_CONFIG_QUIET = 'true';

const fs = require('fs');
const path = require('path');
const peers = require('./peers');

async function main() {
  const [lang, file, outDir] = process.argv.slice(2);
  if (!lang || !file || !outDir || !peers.forLanguage(lang)) {
    process.stderr.write('usage: node predict.js en|fr|de FILE.tsv OUT_DIR\n');
    process.exit(2);
  }
  const texts = peers.readTexts(file);
  fs.mkdirSync(outDir, { recursive: true });
  for (const peer of peers.forLanguage(lang)) {
    const run = await peer.make();
    const lines = [];
    for (const text of texts) {
      const { label, score } = await run(text);
      lines.push(`${label}\t${score}`);
    }
    fs.writeFileSync(path.join(outDir, `${peer.name}.tsv`), lines.join('\n') + '\n');
  }
}

main().catch((err) => {
  process.stderr.write(`predict.js: ${err.stack || err}\n`);
  process.exit(1);
});
