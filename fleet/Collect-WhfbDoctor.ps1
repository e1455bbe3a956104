<#
.SYNOPSIS
    Collects WHfB Doctor's view of Windows Hello for Business cloud Kerberos trust for the
    signed-in user and drops it on a file share, for an Intune Remediation or a logon script.

.DESCRIPTION
    Run as the signed-in user (Intune: "Run this script using the logged-on credentials: Yes";
    "Run script in 64-bit PowerShell: Yes"), never elevated: the tools read the user's own
    sign-in state.

    Where the app is installed, it runs it without a window:
        whfb-doctor.exe --headless --out \\server\share\<COMPUTERNAME>-<USERNAME>.json.gz [--redact]
    which writes the report (the verdict with its evidence) and prints the device's summary row.

    Where the app is not installed, it runs the same tools with the same arguments as the app
    (electron/engine/probes/probe-catalog.ts), each by its full path under System32, with a
    timeout, and writes their outputs as a version 1 capture to the same file name. `whfb-doctor
    fleet` diagnoses such captures. Two probes of the app are not run here: the Entra Kerberos
    server query (a PowerShell LDAP query) and the file share test; the checks that need them
    say "unknown".

    The last line of output is one summary row (JSON, under 2,048 characters; see
    docs/fleet.md), which is what Intune keeps of a remediation script's output. Nothing else
    is written to the output.

    Exit codes: 0 nothing failed (or collected without a verdict), 1 a check failed, 2 nothing
    could be written, 3 nothing could be checked.

.PARAMETER Share
    The folder the files go to. Users need to create files there (and replace their own).

.PARAMETER AppPath
    whfb-doctor.exe, when it is installed somewhere other than the default places.

.PARAMETER Redact
    Replace user, device, domain and host names, ids and addresses with placeholders.

.PARAMETER CaptureOnly
    Collect the raw outputs even where the app is installed (no verdict on the device).
#>
[CmdletBinding()]
param(
    [string] $Share = '\\fileserver\whfb-doctor$',
    [string] $AppPath = '',
    [switch] $Redact,
    [switch] $CaptureOnly,
    [int] $AppTimeoutSeconds = 300
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$ScriptVersion = '0.1.0'
$SummaryFormat = 'whfb-doctor/fleet-summary'
$MaxSummaryChars = 2047
$AppExecutable = 'whfb-doctor.exe'

# The probes of the app that run a System32 tool, with the app's arguments and timeouts (seconds).
# {domain} and {dc} are filled in with names read from earlier outputs, checked as host names.
# Kept equal to electron/engine/probes/probe-catalog.ts by test/unit/fleet/collect-script.test.ts.
$Probes = @(
    @{ Id = 'os-version'; Exe = 'reg.exe'; Timeout = 15; Args = @('query', 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion') }
    @{ Id = 'dsregcmd-status'; Exe = 'dsregcmd.exe'; Timeout = 30; Args = @('/status') }
    @{ Id = 'klist-cloud-debug'; Exe = 'klist.exe'; Timeout = 15; Args = @('cloud_debug') }
    @{ Id = 'klist-tickets'; Exe = 'klist.exe'; Timeout = 15; Args = @() }
    @{ Id = 'events-udr'; Exe = 'wevtutil.exe'; Timeout = 15; Args = @('qe', 'Microsoft-Windows-User Device Registration/Admin', '/q:*[System[(EventID=358 or EventID=360 or EventID=362)]]', '/c:10', '/rd:true', '/f:RenderedXml', '/e:Events') }
    @{ Id = 'policy-mdm'; Exe = 'reg.exe'; Timeout = 15; Args = @('query', 'HKLM\SOFTWARE\Microsoft\Policies\PassportForWork', '/s') }
    @{ Id = 'policy-gpo-machine'; Exe = 'reg.exe'; Timeout = 15; Args = @('query', 'HKLM\SOFTWARE\Policies\Microsoft\PassportForWork', '/s') }
    @{ Id = 'policy-gpo-user'; Exe = 'reg.exe'; Timeout = 15; Args = @('query', 'HKCU\SOFTWARE\Policies\Microsoft\PassportForWork', '/s') }
    @{ Id = 'whoami-user'; Exe = 'whoami.exe'; Timeout = 15; Args = @('/user', '/fo', 'csv') }
    @{ Id = 'whoami-groups'; Exe = 'whoami.exe'; Timeout = 15; Args = @('/groups', '/fo', 'csv') }
    @{ Id = 'nltest-dsgetdc'; Exe = 'nltest.exe'; Timeout = 30; Args = @('/dsgetdc:{domain}', '/kdc', '/keylist') }
    @{ Id = 'nltest-dsgetdc-kdc'; Exe = 'nltest.exe'; Timeout = 30; Args = @('/dsgetdc:{domain}', '/kdc') }
    @{ Id = 'time-status'; Exe = 'w32tm.exe'; Timeout = 15; Args = @('/query', '/status') }
    @{ Id = 'time-offset'; Exe = 'w32tm.exe'; Timeout = 15; Args = @('/stripchart', '/computer:{dc}', '/samples:1', '/dataonly') }
    @{ Id = 'certutil-user-store'; Exe = 'certutil.exe'; Timeout = 15; Args = @('-user', '-silent', '-store', 'my') }
    @{ Id = 'logonui-last-provider'; Exe = 'reg.exe'; Timeout = 15; Args = @('query', 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI') }
)

# The app's probes this script does not run, recorded as the app records a probe it skips.
$Skipped = @(
    @{ Id = 'entra-kerberos-object'; Reason = 'the collection script does not run the Entra Kerberos query (the app does)' }
    @{ Id = 'share-access'; Reason = 'no file share path given' }
)

function Get-System32 {
    $windows = [Environment]::GetFolderPath('Windows')
    # 32-bit PowerShell on 64-bit Windows sees SysWOW64 under System32; Sysnative is the real one.
    if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) {
        return (Join-Path $windows 'Sysnative')
    }
    return (Join-Path $windows 'System32')
}

function Test-HostName([string] $Name) {
    if ([string]::IsNullOrEmpty($Name) -or $Name.Length -gt 253) { return $false }
    foreach ($label in $Name.Split('.')) {
        if ($label -cnotmatch '^[A-Za-z0-9][A-Za-z0-9-]{0,62}$') { return $false }
    }
    return $true
}

# One command line from an argument list, quoted as the C runtime splits it again.
function ConvertTo-CommandLine([string[]] $Arguments) {
    $parts = foreach ($argument in $Arguments) {
        if ($argument -ne '' -and $argument -notmatch '[\s"]') { $argument; continue }
        $escaped = [regex]::Replace($argument, '(\\*)"', '$1$1\"')
        $escaped = [regex]::Replace($escaped, '(\\+)$', '$1$1')
        '"' + $escaped + '"'
    }
    return ($parts -join ' ')
}

# Console tools write the OEM code page when piped; some write UTF-16LE (wevtutil).
function ConvertFrom-ToolBytes([byte[]] $Bytes, [System.Text.Encoding] $Oem) {
    if ($Bytes.Length -ge 2 -and $Bytes[0] -eq 0xFF -and $Bytes[1] -eq 0xFE) {
        return [System.Text.Encoding]::Unicode.GetString($Bytes, 2, $Bytes.Length - 2)
    }
    if ($Bytes.Length -ge 3 -and $Bytes[0] -eq 0xEF -and $Bytes[1] -eq 0xBB -and $Bytes[2] -eq 0xBF) {
        return [System.Text.Encoding]::UTF8.GetString($Bytes, 3, $Bytes.Length - 3)
    }
    $pairs = [Math]::Floor($Bytes.Length / 2)
    if ($pairs -gt 0) {
        $oddNuls = 0
        $evenNuls = 0
        for ($index = 0; $index + 1 -lt $Bytes.Length; $index += 2) {
            if ($Bytes[$index] -eq 0) { $evenNuls++ }
            if ($Bytes[$index + 1] -eq 0) { $oddNuls++ }
        }
        if ($oddNuls / $pairs -ge 0.3 -and $evenNuls / $pairs -lt 0.1) {
            return [System.Text.Encoding]::Unicode.GetString($Bytes)
        }
    }
    return $Oem.GetString($Bytes)
}

function Get-OemEncoding {
    try {
        $codePage = [int](Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name 'OEMCP').OEMCP
        return [System.Text.Encoding]::GetEncoding($codePage)
    } catch {
        return [System.Text.Encoding]::GetEncoding(437)
    }
}

function New-ProbeResult([string[]] $Command, $ExitCode, [string] $Stdout, [string] $Stderr, [int] $DurationMs, $ProbeError) {
    return [ordered]@{
        command = [string[]]$Command
        exitCode = $ExitCode
        stdout = $Stdout
        stderr = $Stderr
        durationMs = $DurationMs
        error = $ProbeError
    }
}

# Starts one program by its full path with an argument list: no shell, no window, output read
# as bytes, stopped at the timeout. The only place this script starts a process.
function Invoke-Program([string] $Path, [string[]] $Arguments, [int] $TimeoutSeconds, [System.Text.Encoding] $Oem) {
    $command = [string[]](@([System.IO.Path]::GetFileName($Path)) + $Arguments)
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return (New-ProbeResult $command $null '' '' 0 'not-found')
    }
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $Path
    $info.Arguments = ConvertTo-CommandLine $Arguments
    $info.UseShellExecute = $false
    $info.CreateNoWindow = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $process = [System.Diagnostics.Process]::Start($info)
    } catch {
        $inner = $_.Exception
        while ($null -ne $inner.InnerException) { $inner = $inner.InnerException }
        $reason = $inner.Message
        if ($inner -is [System.ComponentModel.Win32Exception] -and $inner.NativeErrorCode -eq 5) { $reason = 'access-denied' }
        return (New-ProbeResult $command $null '' '' 0 $reason)
    }
    $stdout = New-Object System.IO.MemoryStream
    $stderr = New-Object System.IO.MemoryStream
    $reading = @($process.StandardOutput.BaseStream.CopyToAsync($stdout), $process.StandardError.BaseStream.CopyToAsync($stderr))
    $probeError = $null
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $probeError = 'timeout'
        try { $process.Kill() } catch { $probeError = 'timeout' }
    }
    [void][System.Threading.Tasks.Task]::WaitAll($reading, 5000)
    $exitCode = $null
    if ($null -eq $probeError) { $exitCode = $process.ExitCode }
    $process.Dispose()
    return (New-ProbeResult $command $exitCode (ConvertFrom-ToolBytes $stdout.ToArray() $Oem) (ConvertFrom-ToolBytes $stderr.ToArray() $Oem) ([int]$watch.ElapsedMilliseconds) $probeError)
}

# The device's AD domain for nltest, as the app ranks it: the DNS suffix of dsregcmd's Device
# Name, else the user's sign-in domain.
function Get-DeviceDomain($DsregcmdText) {
    if ($DsregcmdText -match '(?m)^\s*Device Name\s*:\s*[^.\s]+\.(\S+)\s*$' -and (Test-HostName $Matches[1])) { return $Matches[1] }
    if ($env:USERDNSDOMAIN -and $env:USERDNSDOMAIN.Contains('.') -and (Test-HostName $env:USERDNSDOMAIN)) { return $env:USERDNSDOMAIN }
    return $null
}

# The domain controller nltest found ("DC: \\DC01.corp.contoso.com"), the key-list one first.
function Get-DomainController($Results) {
    foreach ($id in @('nltest-dsgetdc', 'nltest-dsgetdc-kdc')) {
        $result = $Results[$id]
        if ($null -ne $result -and $null -eq $result.error -and $result.stdout -match '(?m)^\s*DC:\s*\\\\(\S+)\s*$' -and (Test-HostName $Matches[1])) {
            return $Matches[1]
        }
    }
    return $null
}

function Invoke-Probes {
    $system32 = Get-System32
    $oem = Get-OemEncoding
    $results = [ordered]@{}
    foreach ($probe in $Probes) {
        $probeArgs = [string[]]$probe.Args
        $needs = $null
        if (($probeArgs -join ' ').Contains('{domain}')) {
            $needs = Get-DeviceDomain $results['dsregcmd-status'].stdout
            $reason = 'no AD domain found (USERDNSDOMAIN, primary DNS suffix, dsregcmd, klist)'
            $placeholder = '{domain}'
        } elseif (($probeArgs -join ' ').Contains('{dc}')) {
            $needs = Get-DomainController $results
            $reason = 'no domain controller found by nltest'
            $placeholder = '{dc}'
        } else {
            $placeholder = $null
        }
        if ($null -ne $placeholder) {
            if ($null -eq $needs) {
                $results[$probe.Id] = New-ProbeResult @() $null '' '' 0 ('skipped: ' + $reason)
                continue
            }
            $probeArgs = [string[]]@(foreach ($argument in $probeArgs) { $argument.Replace($placeholder, $needs) })
        }
        $results[$probe.Id] = Invoke-Program (Join-Path $system32 $probe.Exe) $probeArgs $probe.Timeout $oem
    }
    foreach ($skip in $Skipped) {
        $results[$skip.Id] = New-ProbeResult @() $null '' '' 0 ('skipped: ' + $skip.Reason)
    }
    return $results
}

function Get-Field([string] $Text, [string] $Label) {
    if ($Text -match ('(?m)^\s*' + [regex]::Escape($Label) + '\s*:\s*(.*?)\s*$')) { return $Matches[1] }
    return $null
}

function Limit-Text($Text, [int] $Max) {
    if ($null -eq $Text) { return $null }
    $clean = [regex]::Replace([string]$Text, '[\u0000-\u001F\u007F-\u009F]', '?')
    if ($clean.Length -le $Max) { return $clean }
    return $clean.Substring(0, $Max - 1) + [char]0x2026
}

# A summary row of a capture that was not diagnosed here: what the outputs say plainly.
function New-CaptureSummary($Probes, [string] $CapturedAt, [string] $OutPath, [string] $Reason) {
    $dsregcmd = ''
    if ($null -ne $Probes -and $null -ne $Probes['dsregcmd-status']) { $dsregcmd = $Probes['dsregcmd-status'].stdout }
    $joinType = $null
    $entra = Get-Field $dsregcmd 'AzureAdJoined'
    $domain = Get-Field $dsregcmd 'DomainJoined'
    if ($entra -and $domain) {
        if ($entra -eq 'YES' -and $domain -eq 'YES') { $joinType = 'hybrid' }
        elseif ($entra -eq 'YES') { $joinType = 'entra' }
        elseif ($domain -eq 'YES') { $joinType = 'domain' }
        else { $joinType = 'none' }
    }
    $user = $null
    if ($null -ne $Probes -and $null -ne $Probes['whoami-user'] -and $Probes['whoami-user'].stdout -match '(?m)^"([^"]+)","S-1-') { $user = $Matches[1] }
    $osBuild = $null
    if ($null -ne $Probes -and $null -ne $Probes['os-version']) {
        $os = $Probes['os-version'].stdout
        if ($os -match '(?m)^\s*CurrentBuild\s+REG_SZ\s+(\d+)\s*$') {
            $osBuild = $Matches[1]
            if ($os -match '(?m)^\s*UBR\s+REG_DWORD\s+0x([0-9a-fA-F]+)\s*$') { $osBuild += '.' + [Convert]::ToInt32($Matches[1], 16) }
        }
    }
    $deviceId = Get-Field $dsregcmd 'DeviceId'
    if ($deviceId) { $deviceId = $deviceId.ToLowerInvariant() }
    return [ordered]@{
        format = $SummaryFormat
        version = 1
        deviceId = Limit-Text $deviceId 64
        deviceName = Limit-Text (Get-Field $dsregcmd 'Device Name') 100
        user = Limit-Text $user 100
        osBuild = Limit-Text $osBuild 24
        joinType = $joinType
        trustModel = 'unknown'
        policyTrustModel = 'unknown'
        sessionCredential = 'unknown'
        status = 'not-diagnosed'
        rootCause = $null
        capturedAt = $CapturedAt
        toolVersion = $ScriptVersion
        source = 'capture'
        path = Limit-Text $OutPath 260
        files = 1
        error = Limit-Text $Reason 160
    }
}

# One JSON line under 2,048 characters: the path goes first, then the names shrink.
function ConvertTo-SummaryLine($Row) {
    $line = ConvertTo-Json -InputObject $Row -Compress
    if ($line.Length -gt $MaxSummaryChars) {
        $Row.path = $null
        $line = ConvertTo-Json -InputObject $Row -Compress
    }
    if ($line.Length -gt $MaxSummaryChars) {
        $Row.deviceName = Limit-Text $Row.deviceName 24
        $Row.user = Limit-Text $Row.user 24
        if ($Row.Contains('error')) { $Row.error = Limit-Text $Row.error 40 }
        $line = ConvertTo-Json -InputObject $Row -Compress
    }
    return $line
}

# Written next to the target and renamed over it: a reader never sees half a file.
function Write-GzipFile([string] $Path, [string] $Text) {
    $folder = Split-Path -Parent $Path
    $temp = Join-Path $folder ('.' + (Split-Path -Leaf $Path) + '.' + [guid]::NewGuid().ToString('N').Substring(0, 12) + '.tmp')
    $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes($Text)
    $file = [System.IO.File]::Open($temp, [System.IO.FileMode]::CreateNew, [System.IO.FileAccess]::Write, [System.IO.FileShare]::None)
    try {
        $gzip = New-Object System.IO.Compression.GZipStream($file, [System.IO.Compression.CompressionMode]::Compress)
        $gzip.Write($bytes, 0, $bytes.Length)
        $gzip.Dispose()
    } finally {
        $file.Dispose()
    }
    try {
        if (Test-Path -LiteralPath $Path) { [void][System.IO.File]::Replace($temp, $Path, $null) }
        else { [System.IO.File]::Move($temp, $Path) }
    } catch {
        # Some file servers refuse ReplaceFile: replace in two steps instead.
        if (Test-Path -LiteralPath $Path) { [System.IO.File]::Delete($Path) }
        [System.IO.File]::Move($temp, $Path)
    }
}

function Find-App {
    if ($AppPath) {
        if (Test-Path -LiteralPath $AppPath -PathType Leaf) { return $AppPath }
        return $null
    }
    $candidates = @(
        (Join-Path $env:LOCALAPPDATA (Join-Path 'Programs\WHfB Doctor' $AppExecutable)),
        (Join-Path ([Environment]::GetFolderPath('ProgramFiles')) (Join-Path 'WHfB Doctor' $AppExecutable))
    )
    foreach ($candidate in $candidates) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    return $null
}

function Get-SafeName([string] $Name) {
    $safe = [regex]::Replace([string]$Name, '[^A-Za-z0-9._-]', '_')
    if (-not $safe) { return 'unknown' }
    return $safe.Substring(0, [Math]::Min($safe.Length, 64))
}

$capturedAt = [DateTime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ss.fffZ', [System.Globalization.CultureInfo]::InvariantCulture)
$outPath = Join-Path $Share ((Get-SafeName $env:COMPUTERNAME) + '-' + (Get-SafeName $env:USERNAME) + '.json.gz')
$app = $null
if (-not $CaptureOnly) { $app = Find-App }

if ($null -ne $app) {
    $appArgs = @('--headless', '--out', $outPath)
    if ($Redact) { $appArgs += '--redact' }
    $run = Invoke-Program $app $appArgs $AppTimeoutSeconds ([System.Text.Encoding]::UTF8)
    $line = $null
    foreach ($candidate in ($run.stdout -split "`r?`n")) {
        if ($candidate.StartsWith('{"format":"' + $SummaryFormat + '"') -and $candidate.Length -le $MaxSummaryChars) { $line = $candidate }
    }
    if ($null -ne $run.exitCode -and $run.exitCode -ne 2 -and $null -ne $line) {
        Write-Output $line
        exit $run.exitCode
    }
    $reason = 'the app did not finish'
    if ($null -ne $run.error) { $reason = 'the app: ' + $run.error }
    elseif ($run.stderr) { $reason = ($run.stderr -split "`r?`n")[0] }
    Write-Output (ConvertTo-SummaryLine (New-CaptureSummary $null $capturedAt $outPath $reason))
    exit 2
}

$results = Invoke-Probes
$capture = [ordered]@{
    format = 'whfb-doctor/capture'
    version = 1
    capturedAt = $capturedAt
    tool = [ordered]@{ name = 'whfb-doctor-collect'; version = $ScriptVersion }
    probes = $results
}
if ($Redact) {
    # Redaction needs the app's rules; a capture is never written half-redacted.
    Write-Output (ConvertTo-SummaryLine (New-CaptureSummary $null $capturedAt $null '--redact needs the app; nothing was written'))
    exit 2
}
try {
    Write-GzipFile $outPath (ConvertTo-Json -InputObject $capture -Depth 6 -Compress)
} catch {
    Write-Output (ConvertTo-SummaryLine (New-CaptureSummary $results $capturedAt $outPath ('not written: ' + $_.Exception.Message)))
    exit 2
}
Write-Output (ConvertTo-SummaryLine (New-CaptureSummary $results $capturedAt $outPath 'collected without the app: whfb-doctor fleet diagnoses the capture'))
exit 0
