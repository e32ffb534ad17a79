import { execFile, type ExecFileOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packed tarball, installed the way an adopter installs it: `npm pack` (whose prepack
 * builds dist/), then a throwaway project that depends on the tarball and on the peer
 * dependencies, and plain `node` and `tsc` in that project. No server, no database.
 *
 * The project starts from this repo's package-lock.json, so npm picks the versions this repo
 * tests with and finds them in its cache (`npm ci` filled it): the install works offline. npm
 * drops every locked package the tarball's package.json does not ask for, so a package the
 * built code imports but the manifest leaves out is still missing from the install.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  devDependencies: Record<string, string>;
};
const PEERS = ['graphql', '@pothos/core', '@pothos/plugin-scope-auth'];

/** Files the repo's own generators write (`npm run schema:print`, `policy:check --write`), never read by an installed copy. */
const REPO_TOOL_OUTPUTS = ['schema/schema.graphql', 'schema/field-inventory.md'];

let work = '';
let app = '';
let installed = '';
let packedFiles: string[] = [];
/** What src/index.ts exports at run time: the names the installed entry must have too. */
let entryNames: string[] = [];

/** Runs a command to its end; its output, or a rejection with that output unless `allowFailure`. */
function run(command: string, args: string[], { allowFailure = false, ...options }: ExecFileOptions & { allowFailure?: boolean } = {}) {
  return new Promise<string>((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', ...options }, (error, stdout, stderr) => {
      if (error && !allowFailure) reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr}\n${stdout}`));
      else resolve(String(stdout));
    });
  });
}

/** Every built .js file of the installed package. */
function builtModules(): string[] {
  return readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(installed, 'dist', file));
}

beforeAll(async () => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'warden-package-'))); // tsc lists real paths
  entryNames = Object.keys(await import('../../src/index.js')).sort();
  const [packed] = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo })) as [{ filename: string; files: { path: string }[] }];
  packedFiles = packed.files.map((file) => file.path);

  app = join(work, 'adopter');
  mkdirSync(app);
  const peers = Object.fromEntries(PEERS.map((name) => [name, manifest.devDependencies[name]]));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'warden-adopter',
      private: true,
      type: 'module',
      dependencies: { [manifest.name]: `file:../${packed.filename}`, ...peers },
      devDependencies: { '@types/node': manifest.devDependencies['@types/node'] },
    }),
  );
  cpSync(join(repo, 'package-lock.json'), join(app, 'package-lock.json'));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
  installed = join(app, 'node_modules', manifest.name);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the built code with its declarations, the baseline policy and the README, nothing else', () => {
    expect(packedFiles.filter((path) => !path.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(path))).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/src/index.js', 'dist/src/index.d.ts', 'dist/schema/policy.json']));
    const undeclared = packedFiles.filter((path) => path.endsWith('.js') && !packedFiles.includes(path.replace(/\.js$/, '.d.ts')));
    expect(undeclared).toEqual([]);
    expect(readFileSync(join(installed, 'dist/schema/policy.json'), 'utf8')).toBe(readFileSync(join(repo, 'schema/policy.json'), 'utf8'));
  });

  it('declares every package its built code imports as a dependency or a peer', () => {
    const { dependencies = {}, peerDependencies = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const imported = new Set<string>();
    for (const file of builtModules()) {
      // TypeScript's scanner finds static and dynamic imports, and skips comments and strings.
      for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        imported.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !(name in dependencies) && !(name in peerDependencies))).toEqual([]);
  });

  it('ships every file its code finds from import.meta.url', () => {
    const missing: string[] = [];
    for (const file of builtModules()) {
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)) {
        const path = join(dirname(file), target!);
        const inPackage = relative(join(installed, 'dist'), path);
        if (!REPO_TOOL_OUTPUTS.includes(inPackage) && !existsSync(path)) missing.push(`${relative(installed, file)}: ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves one copy of each peer dependency in the install: the one the adopter depends on', async () => {
    const selector = PEERS.map((name) => `[name=${name}]`).join(', ');
    const copies = (JSON.parse(await run('npm', ['query', selector], { cwd: app })) as { name: string; location: string }[]).map((node) => `${node.name} ${node.location}`);
    expect(copies.sort()).toEqual(PEERS.map((name) => `${name} node_modules/${name}`).sort());
  });

  it('runs under plain node: the entry exports what src/index.ts exports, and builds an adopter\'s schema on the graphql the adopter imports', async () => {
    // wardenSchemaOf reads the baseline policy the tarball ships, and the schema passes instanceof
    // against the adopter's own graphql only if there is one copy.
    const script = `
      import * as warden from '${manifest.name}';
      import { GraphQLSchema } from 'graphql';
      const builder = warden.createWardenBuilder();
      builder.queryField('hello', (t) => t.string({ callers: 'authenticated', classification: 'public', resolve: () => 'hi' }));
      const { schema } = warden.wardenSchemaOf(builder.toSchema());
      console.log(JSON.stringify({ exports: Object.keys(warden).sort(), sameGraphql: schema instanceof GraphQLSchema }));
    `;
    writeFileSync(join(app, 'smoke.mjs'), script);
    const env = { ...process.env };
    delete env['NODE_OPTIONS']; // no loader of this repo's (tsx) may help the built code run
    const stdout = await run(process.execPath, ['smoke.mjs'], { cwd: app, env });
    expect(JSON.parse(stdout)).toEqual({ exports: entryNames, sameGraphql: true });
  });

  it('typechecks an adopter\'s TypeScript against the installed declarations, the adopting guide\'s example included', async () => {
    const names = entryNames.join(', ');
    writeFileSync(join(app, 'adopter.ts'), `import { ${names} } from '${manifest.name}';\nexport const entry = { ${names} };\n`);
    // docs/adopting.md's shop, which imports Warden by its package name as any application does.
    cpSync(join(repo, 'test/adopting/example'), join(app, 'example'), { recursive: true });
    const example = readdirSync(join(app, 'example')).filter((file) => file.endsWith('.ts')).map((file) => `example/${file}`);
    expect(example).toContain('example/schema.ts');
    const { listed, diagnostics } = await typecheckInApp(['adopter.ts', ...example]);
    // The entry's declarations were found through `exports`, so the check below had something to check.
    expect(listed).toContain(join(installed, 'dist/src/index.d.ts'));
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it("types an adopter's builder: the field options Warden adds are known to its TypeScript, and checked", async () => {
    // Importing only the entry, as an adopter does: the declarations must bring Pothos's types and
    // Warden's field options along. Where they do not, `t` is an implicit any and the misspelled
    // class below goes unnoticed, which the unused @ts-expect-error reports.
    const schema = `import { createWardenBuilder } from '${manifest.name}';
const builder = createWardenBuilder<{ Objects: { Card: { id: string; number: string } } }>();
builder.objectType('Card', {
  fields: (t) => ({
    id: t.exposeID('id', { classification: 'public' }),
    number: t.exposeString('number', { classification: 'secret', mask: 'last4', nullable: true }),
  }),
});
builder.queryField('card', (t) => t.field({ type: 'Card', callers: 'customer', classification: 'public', resolve: () => ({ id: 'c1', number: '4242424242424242' }) }));
builder.queryField('search', (t) => t.string({ callers: 'customer', classification: 'public', args: { text: t.arg.string({ required: true, filtersBy: 'Card.number' }) }, resolve: (_root, { text }) => text.trim() }));
// @ts-expect-error: not a data class
builder.queryField('misfiled', (t) => t.string({ callers: 'customer', classification: 'top-secret', resolve: () => '' }));
export const schema = builder.toSchema();
`;
    writeFileSync(join(app, 'adopter-schema.ts'), schema);
    const { diagnostics } = await typecheckInApp(['adopter-schema.ts']);
    expect(diagnostics).toEqual([]);
  }, 120_000);
});

/**
 * Runs tsc over `files` in the adopter's project, strict, as an adopter's tsconfig would. Returns
 * the files the program read and the diagnostics that are ours: anything in the adopter's files,
 * and in Warden's declarations a module (or its types) they import that the install lacks.
 */
async function typecheckInApp(files: readonly string[]): Promise<{ listed: string[]; diagnostics: string[] }> {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    noEmit: true,
    // Checks the package's own declarations too; what other packages' declarations report
    // against this compiler and lib is theirs, so only the lines below count.
    skipLibCheck: false,
  };
  const project = `tsconfig.${(files[0] ?? 'app').replace(/\.ts$/, '').replaceAll('/', '-')}.json`;
  writeFileSync(join(app, project), JSON.stringify({ compilerOptions, files }));
  const tsc = join(repo, 'node_modules/typescript/bin/tsc');
  const stdout = await run(process.execPath, [tsc, '-p', project, '--pretty', 'false', '--listFiles'], { cwd: app, allowFailure: true });
  const lines = stdout.split('\n');
  const diagnostics = lines
    .filter((line) => / error TS\d+:/.test(line))
    .filter((line) => files.some((file) => line.startsWith(file)) || (line.startsWith(`node_modules/${manifest.name}/`) && / error TS(2307|7016):/.test(line)));
  return { listed: lines, diagnostics };
}
