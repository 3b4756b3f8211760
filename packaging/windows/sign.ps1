# Authenticode-signs a file when a certificate is provided; does nothing otherwise.
#   WINDOWS_CERT_PFX_BASE64  the .pfx, base64   WINDOWS_CERT_PASSWORD  its password
param([Parameter(Mandatory = $true)][string]$Path)
if (-not $env:WINDOWS_CERT_PFX_BASE64) { Write-Host "No certificate: $Path left unsigned."; exit 0 }
$pfx = Join-Path $env:RUNNER_TEMP "codesign.pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
try {
  & signtool sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com /f $pfx /p $env:WINDOWS_CERT_PASSWORD $Path
  if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
} finally { Remove-Item $pfx -Force }
