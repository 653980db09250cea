#!/usr/bin/env node
// Single-thread scoring throughput of the English peers (vader-sentiment,
// sentiment, wink-sentiment) on the texts of a file, one text per line.
//
//   node throughput.js [--seconds S] [--rounds N] TEXTS.txt
//
// For each peer: load it, score every text once (warm-up, so that the JIT has
// compiled the hot path), then score the texts in full passes for S seconds
// (default 2) split into N rounds (default 1). Loading and warm-up are
// excluded from the timing.
// Prints "PEER<TAB>best<TAB>median" per peer: the texts per second of its
// best and of its median round.
'use strict';

process.env.DOTENV_CONFIG_QUIET = 'true';

const fs = require('fs');
const peers = require('./peers');

function main() {
  const args = process.argv.slice(2);
  let seconds = 2;
  let rounds = 1;
  for (;;) {
    if (args[0] === '--seconds') {
      seconds = Number(args[1]);
    } else if (args[0] === '--rounds') {
      rounds = Number(args[1]);
    } else {
      break;
    }
    args.splice(0, 2);
  }
  if (args.length !== 1 || !(seconds > 0) || !(rounds >= 1)) {
    process.stderr.write(
      'usage: node throughput.js [--seconds S] [--rounds N] TEXTS.txt\n');
    process.exit(2);
  }
  const texts = fs
    .readFileSync(args[0], 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  if (texts.length === 0) {
    process.stderr.write(`throughput.js: ${args[0]}: no text\n`);
    process.exit(1);
  }
  let sink = 0;
  for (const peer of peers.forLanguage('en')) {
    const run = peer.make();
    for (const text of texts) sink += run(text).score;
    const budget = BigInt(Math.round((seconds / rounds) * 1e9));
    const rates = [];
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      let done = 0;
      let elapsed = 0n;
      do {
        for (const text of texts) sink += run(text).score;
        done += texts.length;
        elapsed = process.hrtime.bigint() - start;
      } while (elapsed < budget);
      rates.push(done / (Number(elapsed) / 1e9));
    }
    rates.sort((a, b) => a - b);
    const best = rates[rates.length - 1];
    const median = rates[Math.floor(rates.length / 2)];
    process.stdout.write(
      `${peer.name}\t${best.toFixed(0)}\t${median.toFixed(0)}\n`);
  }
  process.stderr.write(`(peer checksum ${sink.toFixed(3)})\n`);
}

main();
