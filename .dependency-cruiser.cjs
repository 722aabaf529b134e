'use strict';
/**
 * CONTRIBUTING.md's dependency rules ("Shape of the code"), checked by
 * test/architecture/dependencies.test.ts on every `npm test` (also: `npx depcruise --config
 * .dependency-cruiser.cjs <folders>`). The order of the layers, lowest first:
 *
 *   common → intents → http → ops → services, storage → channels → dialogs, handoff/core,
 *   identity/core → identity/bot, handoff/http, handoff/transcript, pipeline → directline →
 *   handoff/bot → bot (the app and its one composition root); scripts/ and test/ sit on top.
 *
 * No folder may import one above it: that is what keeps them free of cycles (the test also checks
 * the folder graph for cycles, which dependency-cruiser's module-level rule does not see).
 */
const FRAMEWORK = '(^|/)node_modules/(botbuilder[^/]*|botframework-[^/]+|restify)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other (directly or through others) cannot be understood or tested alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-only-common',
      severity: 'error',
      comment: 'common/ is the lowest layer: small helpers every folder may use, depending on nothing of the project.',
      from: { path: '^common/' },
      to: { path: '^(bot|channels|dialogs|directline|handoff|http|identity|intents|ops|pipeline|scripts|services|storage|test)/' },
    },
    {
      name: 'lower-layers-not-bot-or-dialogs',
      severity: 'error',
      comment: 'intents/, services/ and common/ import nothing of bot/ or dialogs/ (nor of the folders above them).',
      from: { path: '^(intents|services|common)/' },
      to: { path: '^(bot|dialogs|pipeline|directline|handoff|identity|channels|storage|http)/' },
    },
    {
      name: 'only-the-app-imports-bot',
      severity: 'error',
      comment: 'bot/ is the app and its one composition root: it may import anything, nothing imports it (tools and tests excepted).',
      from: { path: '^(?!bot/|scripts/|test/)' },
      to: { path: '^bot/' },
    },
    {
      name: 'composition-root-stays-in-the-app',
      severity: 'error',
      comment: 'bot/compose/* is part of the composition root: only bot/ (and tests) use it.',
      from: { path: '^(?!bot/|test/)' },
      to: { path: '^bot/compose/' },
    },
    {
      name: 'plain-typescript-cores',
      severity: 'error',
      comment: 'Framework at the edges: recognizers, services, common helpers and the hand-off and identity cores are plain TypeScript (no botbuilder, no restify).',
      from: { path: '^(intents|services|common|handoff/core|identity/core)/' },
      to: { path: FRAMEWORK },
    },
    {
      name: 'dialogs-imports',
      severity: 'error',
      comment: 'dialogs/ imports intents/, services/, common/, ops/ (metrics), channels/ and the hand-off and identity cores.',
      from: { path: '^dialogs/' },
      to: { path: '^(bot|pipeline|directline|storage|http|handoff/(?!core/)|identity/(?!core/))' },
    },
    {
      name: 'http-and-ops-below-the-bot-edge',
      severity: 'error',
      comment: 'The HTTP helpers and operations (metrics, limits) serve every edge; they import only common/, intents/ types and (ops) http/.',
      from: { path: '^(http|ops)/' },
      to: { path: '^(bot|channels|dialogs|directline|handoff|identity|pipeline|services|storage)/' },
    },
    {
      name: 'storage-below-features',
      severity: 'error',
      comment: 'storage/ (engine, journal, conversation state) knows no feature: it imports common/, ops/ and the channel reply types only.',
      from: { path: '^storage/' },
      to: { path: '^(bot|dialogs|directline|handoff|identity|intents|pipeline|services|http)/' },
    },
    {
      name: 'handoff-core-and-http-not-the-bot-edge',
      severity: 'error',
      comment: "The hand-off's core and HTTP API do not depend on the bot edge, dialogs or pipeline.",
      from: { path: '^handoff/(core|http)/' },
      to: { path: '^(bot|dialogs|pipeline|directline|channels|identity|handoff/bot|handoff/transcript)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|web)/' },
  },
};
