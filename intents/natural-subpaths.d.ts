/**
 * Types for the few `natural` subpaths this layer imports. The package root
 * (`require('natural')`) is never imported: it loads database drivers and dotenv, which
 * prints tips on stdout and would corrupt `npm run classify`. Its bundled index.d.ts does
 * not cover these deep paths, so they are declared here, narrowed to what is used.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export = PorterStemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const PorterStemmerEs: { stem(token: string): string };
  export = PorterStemmerEs;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(source: string, target: string): number;
  export function LevenshteinDistance(source: string, target: string): number;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer' {
  class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
  export = AggressiveTokenizer;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_es' {
  class AggressiveTokenizerEs {
    tokenize(text: string): string[];
  }
  export = AggressiveTokenizerEs;
}
