/**
 * The architecture, enforced: which top-level folder may import which (`npm run lint` runs
 * `depcruise`). Layers, bottom up:
 *   domain/                         facts every layer shares (roles, outcomes, time, money)
 *   config/paths.ts                 where the project's files are (for the engine and above)
 *   engine/                         the procedure engine: schema, checker, conditions, fees
 *   procedures/                     the catalogue: definitions policy teams own
 *   documents/, db/                 printed forms; the read model and reference data
 *   workflows/                      deterministic orchestration (Temporal workflow code)
 *   activities/                     all I/O the workflows ask for
 *   web/, sandboxes/                the web app; stand-ins for external systems
 *   worker/, scripts/, test/        wiring, tools and tests
 * Type-only imports count (`tsPreCompilationDeps`): a type import still couples two modules.
 * Each rule's comment says why it exists; a violation is fixed in the code, not by relaxing it.
 */
const OURS = '^(config|domain|engine|procedures|documents|db|workflows|activities|web|sandboxes|worker|scripts|test)/';

/** A rule: modules under `from` may import none of ours but those matching `allowed`. */
function onlyImports(name, comment, from, allowed, extra = {}) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from, ...extra.from },
    to: { path: OURS, pathNot: allowed, ...extra.to },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'A cycle makes modules that cannot be understood, tested or loaded one without the other, and ' +
        'its load order decides which one sees the other half-initialised. Type-only cycles count too: ' +
        'between workflow files they tie the state to the steps that change it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    onlyImports(
      'domain-imports-nothing-of-ours',
      'domain/ holds the facts every layer shares, workflow code included; importing any layer would ' +
        'pull that layer into all of them.',
      '^domain/',
      '^domain/',
    ),
    onlyImports(
      'config-paths-is-a-leaf',
      'config/paths.ts finds the project root for the engine and everything above it; it must not ' +
        'drag the configuration (environment, secrets) or anything else with it.',
      '^config/paths\\.ts$',
      '^$',
    ),
    onlyImports(
      'engine-on-domain-only',
      'The engine interprets definitions for the web, the workflows and the checker alike: it knows ' +
        'the domain, not the catalogue, the database, Temporal or the web.',
      '^engine/',
      '^(engine|domain)/|^config/paths\\.ts$',
    ),
    onlyImports(
      'definitions-on-engine-only',
      'A definition is policy written by a policy team against the engine format; it must read the ' +
        'same wherever it runs, so it can use the engine, the domain and shared building blocks only.',
      '^procedures/',
      '^(engine|domain|procedures)/',
      { from: { pathNot: '\\.test\\.ts$' } },
    ),
    onlyImports(
      'procedure-tests-drive-from-outside',
      'A procedure test drives its published version as users would (test/support) with the ' +
        "sandboxes' demo data; reaching into the database or the web layer ties it to their internals.",
      '^procedures/.+\\.test\\.ts$',
      '^(engine|domain|procedures|config|test/support)/|^sandboxes/[^/]+/data\\.ts$',
    ),
    onlyImports(
      'documents-on-domain-and-engine',
      'Printed forms render data they are given; they neither read the database nor know the web or ' +
        'the activities that call them.',
      '^documents/',
      '^(documents|domain|engine)/',
    ),
    onlyImports(
      'db-on-domain-only',
      'The database layer is used by the web and the activities; importing either (for a type, a ' +
        'label or a PDF) would run a dependency upwards.',
      '^db/',
      '^(db|domain)/',
    ),
    onlyImports(
      'workflows-on-engine-and-domain',
      'Workflow code is replayed and must stay deterministic: it may use the engine and the domain, ' +
        'and learns of its activities through their types only (activities/contract.ts, below).',
      '^workflows/',
      '^(workflows|engine|domain)/|^activities/contract\\.ts$',
    ),
    {
      name: 'workflows-use-activity-types-only',
      comment:
        'An activity module at run time would bring I/O into the workflow sandbox; the workflow gets ' +
        'activities through proxyActivities and imports only the types of the contract.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^activities/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'workflows-without-node',
      comment:
        'Workflow code runs in a sandbox and is replayed: Node built-ins (files, network, clocks) are ' +
        'not there, and their results would differ on replay.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'workflows-only-workflow-packages',
      comment:
        'Of the packages, workflow code may use the SDK parts made for the workflow sandbox; others ' +
        '(I/O clients, the activity or worker SDK) do not run there or are not deterministic.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/@temporalio/(workflow|common)/' },
    },
    onlyImports(
      'activities-below-the-web',
      'Activities do the I/O workflows ask for: the database, documents, the engine; of the workflows ' +
        'only the message types and the id scheme. The web and the worker wiring are above them.',
      '^activities/',
      '^(activities|db|domain|engine|documents)/|^workflows/(messages|ids)\\.ts$',
    ),
    onlyImports(
      'web-through-services',
      'The web app talks to Temporal through the message contract and the id scheme and renders with ' +
        'documents/; activities, workflow code and worker wiring are not its business.',
      '^web/',
      '^(web|db|domain|engine|documents|config)/|^workflows/(messages|ids)\\.ts$',
    ),
    onlyImports(
      'sandboxes-stand-alone',
      'A sandbox stands in for an external system (a registry, a payment gateway): built from our code, ' +
        'it would agree with our bugs (a signature both sides compute wrongly passes), so it uses only ' +
        'the domain, the configuration and its own files.',
      '^sandboxes/',
      '^(domain|config|sandboxes)/',
    ),
    {
      name: 'each-sandbox-its-own',
      comment: 'One sandbox does not import another: each is a separate system, with a protocol of its own.',
      severity: 'error',
      from: { path: '^sandboxes/([^/]+)/' },
      to: { path: '^sandboxes/[^/]+/', pathNot: '^sandboxes/$1/' },
    },
    onlyImports(
      'worker-wires-anything-but-the-web',
      'The worker wires activities and workflows together; the web app is another process.',
      '^worker/',
      '^(?!web/)',
    ),
    onlyImports(
      'config-below-the-apps',
      'The configuration is read by the web, the worker and scripts; it knows the domain and the ' +
        'engine. Only the catalogue (config/catalogue.ts) asks the custom workflows which steps exist.',
      '^config/',
      '^(config|domain|engine)/',
      { from: { pathNot: '^config/(catalogue|paths)\\.ts$' } },
    ),
    onlyImports(
      'catalogue-knows-custom-workflows',
      'config/catalogue.ts checks definitions against the custom workflows registered in ' +
        'workflows/custom; nothing else of the workflows.',
      '^config/catalogue\\.ts$',
      '^(config|domain|engine)/|^workflows/custom/index\\.ts$',
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
