/** A member of staff as Teams identifies them: the Entra object id, treated as an opaque string. */
export interface Person {
  id: string;
  name: string;
}
