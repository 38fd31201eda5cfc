/**
 * A problem that stops an authoring command (import, new version) before it writes anything:
 * a bad flag, a missing column, a version that already exists. The message says what to do.
 */
export class AuthoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthoringError';
  }
}
