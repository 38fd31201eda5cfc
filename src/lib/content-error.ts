/** An error in authored content, naming the file, the item and the field at fault. */
export class ContentError extends Error {
  /** Path of the file, relative to the content folder. */
  readonly file: string;
  /** Item (or version/note) id, when known. */
  readonly item: string | undefined;
  /** Field path inside the file (`evidence[1].key`), when known. */
  readonly field: string | undefined;
  /** What is wrong. */
  readonly problem: string;

  constructor(file: string, item: string | undefined, field: string | undefined, problem: string) {
    super(
      `${file}` +
        (item ? ` · item ${item}` : '') +
        (field ? ` · field ${field}` : '') +
        `: ${problem}`,
    );
    this.name = 'ContentError';
    this.file = file;
    this.item = item;
    this.field = field;
    this.problem = problem;
  }
}

/** Every content error found in one pass, so an author fixes them all at once. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];

  constructor(errors: ContentError[]) {
    super(
      `${errors.length} content error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  - ${e.message}`).join('\n'),
    );
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}
