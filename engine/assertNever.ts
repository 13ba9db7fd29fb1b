/** The default of an exhaustive `switch`: a new case that is not handled fails the typecheck there. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
