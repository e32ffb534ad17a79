/** The message a schema build fails with; fails the test if the build succeeds. */
export function buildError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('The build succeeded');
}
