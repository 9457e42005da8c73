/** Who makes a request: an id and a role, as the CLI's `--actor ID:ROLE` names them. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}
