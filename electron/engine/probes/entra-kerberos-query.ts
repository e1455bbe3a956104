import { PRINT_RESULT_AS_JSON, powerShellArgs, toPowerShellLiteral } from './powershell';
import { isValidHostName, type ProbeContext } from './probe-context';

const DOMAIN_PLACEHOLDER = '__DOMAIN_LITERAL__';

/**
 * Looks for the Entra Kerberos server objects with plain ADSI: no RSAT module, no admin
 * rights (any domain user can read them). Prints one line of JSON whose shape
 * parse-entra-kerberos-object.ts reads. Errors land in "error" instead of on stderr.
 * msDS-KeyVersionNumber is a constructed attribute, so it is read from the object itself
 * (RefreshCache) rather than from the search result. Non-ASCII is escaped as \uXXXX so
 * the line survives whatever console code page the output is piped through.
 */
export const ENTRA_KERBEROS_SCRIPT_TEMPLATE = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$domain = ${DOMAIN_PLACEHOLDER}
$result = [ordered]@{ domain = $domain; computer = $null; krbtgt = $null; error = $null }
function Get-First($properties, $name) {
  $values = $properties[$name]
  if ($null -ne $values -and $values.Count -gt 0) { return $values[0] }
  return $null
}
try {
  $root = [adsi]('LDAP://' + $domain)
  $rootDn = [string]$root.Properties['distinguishedName'].Value
  if (-not $rootDn) { throw ('Cannot read the domain object LDAP://' + $domain) }

  $computerSearch = [adsisearcher]'(&(objectClass=computer)(cn=AzureADKerberos))'
  $computerSearch.SearchRoot = [adsi]('LDAP://' + $domain + '/OU=Domain Controllers,' + $rootDn)
  [void]$computerSearch.PropertiesToLoad.AddRange([string[]]@('distinguishedName', 'whenCreated'))
  $computer = $computerSearch.FindOne()
  if ($null -ne $computer) {
    $created = Get-First $computer.Properties 'whencreated'
    $whenCreated = $null
    if ($null -ne $created) { $whenCreated = [DateTime]::SpecifyKind([DateTime]$created, 'Utc').ToString('o') }
    $result.computer = [ordered]@{
      distinguishedName = [string](Get-First $computer.Properties 'distinguishedname')
      whenCreated = $whenCreated
    }
  }

  $userSearch = [adsisearcher]'(&(objectClass=user)(sAMAccountName=krbtgt_AzureAD))'
  $userSearch.SearchRoot = $root
  [void]$userSearch.PropertiesToLoad.AddRange([string[]]@('distinguishedName', 'pwdLastSet'))
  $user = $userSearch.FindOne()
  if ($null -ne $user) {
    $rawPwdLastSet = Get-First $user.Properties 'pwdlastset'
    $pwdLastSet = $null
    if ($rawPwdLastSet) { $pwdLastSet = [DateTime]::FromFileTimeUtc([long]$rawPwdLastSet).ToString('o') }
    $entry = $user.GetDirectoryEntry()
    $entry.RefreshCache([string[]]@('msDS-KeyVersionNumber'))
    $rawKeyVersion = $entry.Properties['msDS-KeyVersionNumber'].Value
    $keyVersion = $null
    if ($null -ne $rawKeyVersion) { $keyVersion = [int]$rawKeyVersion }
    $result.krbtgt = [ordered]@{
      distinguishedName = [string](Get-First $user.Properties 'distinguishedname')
      pwdLastSet = $pwdLastSet
      keyVersion = $keyVersion
    }
  }
} catch {
  $exception = $_.Exception
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  $result.error = $exception.Message
}
${PRINT_RESULT_AS_JSON}
`;

/** The script for one domain; null when the domain is not a plain DNS/NetBIOS name. */
export function buildEntraKerberosScript(domain: string): string | null {
  if (!isValidHostName(domain)) return null;
  return ENTRA_KERBEROS_SCRIPT_TEMPLATE.split(DOMAIN_PLACEHOLDER).join(toPowerShellLiteral(domain));
}

/** argv for powershell.exe, or null when no valid domain is known yet. */
export function entraKerberosArgs(context: ProbeContext): string[] | null {
  const script = context.domain === undefined ? null : buildEntraKerberosScript(context.domain);
  return script === null ? null : powerShellArgs(script);
}
