/** Fills `{name}` placeholders of an interface string. */
export function fmt(template: string, vars: object = {}): string {
  const values = vars as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : m,
  );
}
