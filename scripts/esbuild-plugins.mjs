// esbuild plugins shared by the wizard's bundle (bundle-wizard.mjs, the npm package) and the exe's single
// bundle (exe-bundle.mjs).

/** Ink loads the React devtools only when DEV=true; they are not a dependency, so they become an empty module. */
export const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

/**
 * conf imports ajv (with ajv-formats) and semver at load time but uses them only for a `schema` or
 * `migrations` option, which io/settings.ts does not pass: evaluating them cost ~10 ms of the first
 * frame (measured). If one of those options is ever added, the stub says so instead of failing oddly.
 */
export const confWithoutSchema = {
  name: 'conf-without-schema',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (a) => ({ path: a.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({
      contents: [
        `const leftOut = () => { throw new Error(${JSON.stringify(`${a.path} is left out of the bundle (conf without schema or migrations): see scripts/esbuild-plugins.mjs`)}); };`,
        'export const Ajv2020 = leftOut;',
        'export default leftOut;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};
