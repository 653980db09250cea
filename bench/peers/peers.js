// The peer sentiment tools, each called the way its README shows, and the
// rule that turns its output into a label (README.md, "Peers").
'use strict';

const fs = require('fs');

/// Label of a score by its sign, 0 being neutral.
function bySign(score) {
  if (score > 0) return 'positive';
  if (score < 0) return 'negative';
  return 'neutral';
}

/// VADER's own thresholds on `compound`.
function byVaderThresholds(compound) {
  if (compound >= 0.05) return 'positive';
  if (compound <= -0.05) return 'negative';
  return 'neutral';
}

function version(pkg) {
  return require(`${pkg}/package.json`).version;
}

const vaderJs = {
  name: 'vader_js',
  package: 'vader-sentiment',
  make() {
    const vader = require('vader-sentiment');
    return (text) => {
      const s = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
      return { label: byVaderThresholds(s), score: s };
    };
  },
};

const afinnJs = {
  name: 'afinn_js',
  package: 'sentiment',
  make() {
    const Sentiment = require('sentiment');
    const analyzer = new Sentiment();
    return (text) => {
      const s = analyzer.analyze(text).score;
      return { label: bySign(s), score: s };
    };
  },
};

const wink = {
  name: 'wink',
  package: 'wink-sentiment',
  make() {
    const sentiment = require('wink-sentiment');
    return (text) => {
      const s = sentiment(text).normalizedScore;
      return { label: bySign(s), score: s };
    };
  },
};

function multilang(lang) {
  return {
    name: 'multilang',
    package: 'multilang-sentiment',
    make() {
      const sentiment = require('multilang-sentiment');
      return (text) => {
        const s = sentiment(text, lang).score;
        return { label: bySign(s), score: s };
      };
    },
  };
}

function natural(lang) {
  return {
    name: 'natural',
    package: 'natural',
    make() {
      const n = require('natural');
      const language = { fr: 'French', de: 'German', en: 'English' }[lang];
      const tokenizer = {
        fr: () => new n.AggressiveTokenizerFr(),
        de: () => new n.AggressiveTokenizerDe(),
        en: () => new n.AggressiveTokenizer(),
      }[lang]();
      const analyzer = new n.SentimentAnalyzer(language, null, 'pattern');
      return (text) => {
        const s = analyzer.getSentiment(tokenizer.tokenize(text));
        return { label: bySign(s), score: Number.isFinite(s) ? s : 0 };
      };
    },
  };
}

function nlpjs(lang) {
  return {
    name: 'nlpjs',
    package: '@nlpjs/sentiment',
    make() {
      const { Container } = require('@nlpjs/core');
      const { SentimentAnalyzer } = require('@nlpjs/sentiment');
      const plugin = {
        fr: () => require('@nlpjs/lang-fr').LangFr,
        de: () => require('@nlpjs/lang-de').LangDe,
      }[lang]();
      const container = new Container();
      container.use(plugin);
      const analyzer = new SentimentAnalyzer({ container });
      return async (text) => {
        const { sentiment } = await analyzer.process({ locale: lang, text });
        return { label: sentiment.vote, score: sentiment.score };
      };
    },
  };
}

const byLanguage = {
  en: [vaderJs, afinnJs, wink],
  fr: [multilang('fr'), natural('fr'), nlpjs('fr')],
  de: [multilang('de'), natural('de'), nlpjs('de')],
};

/// The peers measured on a language (undefined for an unknown language).
function forLanguage(lang) {
  return byLanguage[lang];
}

/// The first tab-separated column of each non-empty line of a TSV file.
function readTexts(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t')[0]);
}

module.exports = { forLanguage, readTexts, version, byLanguage };
