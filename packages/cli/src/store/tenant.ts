/**
 * The tenant the CLI acts for and its duplicate-check secret: `CLIENTELE_TENANT` and
 * `CLIENTELE_TENANT_KEY`, as the app that writes the store configures them. The defaults suit a
 * local store only: with another secret, emails and phones hash to other reservation keys.
 */
export const tenantFrom = (
  env: Readonly<Record<string, string | undefined>>,
): { readonly tenantId: string; readonly tenantKey: string } => ({
  tenantId: env['CLIENTELE_TENANT'] ?? 'default',
  tenantKey: env['CLIENTELE_TENANT_KEY'] ?? 'clientele-local-tenant-key',
});
