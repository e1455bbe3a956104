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
 *
 * Two more parts, each in its own try/catch so the object facts come back whatever they hit:
 * - the password replication policy of the AzureADKerberos read-only-DC object: its
 *   msDS-NeverRevealGroup and msDS-RevealOnDemandGroup as [{ dn, sid }], each group's
 *   objectSid read by binding to its DN (sid null when that fails). [] when the attribute
 *   has no value, which a reader without the right to read it also sees; null when the
 *   computer object was not found or the attributes could not be read.
 * - the user running the query (the current Windows identity), bound as <SID=...> in the
 *   domain: dn, sid, tokenGroups (a constructed attribute, read with a base-scope search;
 *   it holds the domain's built-in groups such as Administrators and Account Operators,
 *   which a member workstation's token never shows), adminCount, pwdLastSet,
 *   userAccountControl. user is null when no such object is in the domain, with userError
 *   when the lookup failed. Skipped (both null) when the domain query itself failed, so an
 *   unreachable domain is not waited for twice.
 *
 * The domain is data: one single-quoted literal assigned to $domain, nothing else of the
 * script is built from input.
 */
export const ENTRA_KERBEROS_SCRIPT_TEMPLATE = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$domain = ${DOMAIN_PLACEHOLDER}
$result = [ordered]@{ domain = $domain; computer = $null; krbtgt = $null; neverReveal = $null; revealOnDemand = $null; user = $null; userError = $null; error = $null }
function Get-First($properties, $name) {
  $values = $properties[$name]
  if ($null -ne $values -and $values.Count -gt 0) { return $values[0] }
  return $null
}
function Get-InnerMessage($exception) {
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  return $exception.Message
}
function Get-SidText($dn) {
  $escaped = ([string]$dn).Replace('/', '\\/')
  foreach ($path in @(('LDAP://' + $domain + '/' + $escaped), ('LDAP://' + $escaped))) {
    try {
      $bytes = ([adsi]$path).Properties['objectSid'].Value
      if ($null -ne $bytes) { return (New-Object System.Security.Principal.SecurityIdentifier([byte[]]$bytes, 0)).Value }
    } catch {
      # Not found through this path (e.g. a group of another domain): try the next one.
    }
  }
  return $null
}
# Stores the list in $result itself: an array returned through the pipeline would be
# unrolled (one item, or $null for none) and could be wrapped as {"value":[...],"Count":n}.
function Set-GroupRefs($name, $values) {
  $refs = New-Object System.Collections.Generic.List[object]
  if ($null -ne $values) {
    foreach ($value in $values) {
      $refs.Add([ordered]@{ dn = [string]$value; sid = (Get-SidText $value) })
    }
  }
  $result[$name] = $refs.ToArray()
}
$computerEntry = $null
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
    $computerEntry = $computer.GetDirectoryEntry()
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
  $result.error = Get-InnerMessage $_.Exception
}

if ($null -ne $computerEntry) {
  try {
    $policySearch = [adsisearcher]'(objectClass=*)'
    $policySearch.SearchRoot = $computerEntry
    $policySearch.SearchScope = 'Base'
    [void]$policySearch.PropertiesToLoad.AddRange([string[]]@('msDS-NeverRevealGroup', 'msDS-RevealOnDemandGroup'))
    $policy = $policySearch.FindOne()
    if ($null -ne $policy) {
      Set-GroupRefs 'neverReveal' ($policy.Properties['msds-neverrevealgroup'])
      Set-GroupRefs 'revealOnDemand' ($policy.Properties['msds-revealondemandgroup'])
    }
  } catch {
    # The replication policy stays unknown (null); the object facts above still stand.
  }
}

if ($null -eq $result.error) {
  $account = $null
  try {
    $accountSid = [System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value
    $accountSearch = [adsisearcher]'(objectClass=*)'
    $accountSearch.SearchRoot = [adsi]('LDAP://' + $domain + '/<SID=' + $accountSid + '>')
    $accountSearch.SearchScope = 'Base'
    [void]$accountSearch.PropertiesToLoad.AddRange([string[]]@('distinguishedName', 'adminCount', 'pwdLastSet', 'userAccountControl'))
    $account = $accountSearch.FindOne()
  } catch {
    $inner = $_.Exception
    while ($null -ne $inner.InnerException) { $inner = $inner.InnerException }
    # 0x80072030 LDAP_NO_SUCH_OBJECT: the user's account is not in this domain.
    if ($inner.HResult -ne -2147016656) { $result.userError = $inner.Message }
  }
  if ($null -ne $account) {
    try {
      $rawAdminCount = Get-First $account.Properties 'admincount'
      $adminCount = $null
      if ($null -ne $rawAdminCount) { $adminCount = [int]$rawAdminCount }
      $rawAccountPwd = Get-First $account.Properties 'pwdlastset'
      $accountPwdLastSet = $null
      if ($rawAccountPwd) { $accountPwdLastSet = [DateTime]::FromFileTimeUtc([long]$rawAccountPwd).ToString('o') }
      $rawControl = Get-First $account.Properties 'useraccountcontrol'
      $accountControl = $null
      if ($null -ne $rawControl) { $accountControl = [int]$rawControl }
      $result.user = [ordered]@{
        dn = [string](Get-First $account.Properties 'distinguishedname')
        sid = $accountSid
        tokenGroups = $null
        adminCount = $adminCount
        pwdLastSet = $accountPwdLastSet
        userAccountControl = $accountControl
      }
    } catch {
      $result.userError = Get-InnerMessage $_.Exception
    }
  }
  if ($null -ne $result.user) {
    try {
      $groupSearch = [adsisearcher]'(objectClass=*)'
      $groupSearch.SearchRoot = [adsi]('LDAP://' + $domain + '/<SID=' + $accountSid + '>')
      $groupSearch.SearchScope = 'Base'
      [void]$groupSearch.PropertiesToLoad.Add('tokenGroups')
      $found = $groupSearch.FindOne()
      $groups = New-Object System.Collections.Generic.List[string]
      if ($null -ne $found) {
        foreach ($bytes in $found.Properties['tokengroups']) {
          $groups.Add((New-Object System.Security.Principal.SecurityIdentifier([byte[]]$bytes, 0)).Value)
        }
      }
      $result.user.tokenGroups = $groups.ToArray()
    } catch {
      $result.userError = 'tokenGroups: ' + (Get-InnerMessage $_.Exception)
    }
  }
}
${PRINT_RESULT_AS_JSON}
`;

/** The script for one domain; null when the domain is not a plain DNS/NetBIOS name. */
export function buildEntraKerberosScript(domain: string): string | null {
  if (!isValidHostName(domain)) return null;
  return ENTRA_KERBEROS_SCRIPT_TEMPLATE.split(DOMAIN_PLACEHOLDER).join(toPowerShellLiteral(domain));
}

/**
 * The domain the query searches: the user's, where cloud Kerberos trust needs the objects,
 * else the device's. undefined when neither is known.
 */
export function entraKerberosDomain(context: ProbeContext): string | undefined {
  return context.userDomain ?? context.domain;
}

/**
 * argv for powershell.exe, or null when no valid domain is known yet. A userDomain that is
 * not a valid name refuses the run rather than silently searching the device's domain.
 */
export function entraKerberosArgs(context: ProbeContext): string[] | null {
  const domain = entraKerberosDomain(context);
  const script = domain === undefined ? null : buildEntraKerberosScript(domain);
  return script === null ? null : powerShellArgs(script);
}
