import type { DocLink } from '@contract/types';

// Documentation the checks point to. The app opens only https links on these hosts.
export const DOCS = {
  cloudTrustDeploy: {
    title: 'Windows Hello for Business cloud Kerberos trust deployment guide',
    url: 'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/deploy/hybrid-cloud-kerberos-trust',
  },
  passportCsp: {
    title: 'PassportForWork CSP (UseCloudTrustForOnPremAuth, OS requirements)',
    url: 'https://learn.microsoft.com/windows/client-management/mdm/passportforwork-csp',
  },
  configureHello: {
    title: 'Configure Windows Hello for Business (policy precedence)',
    url: 'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/configure',
  },
  dsregcmd: {
    title: 'Troubleshoot devices by using the dsregcmd command',
    url: 'https://learn.microsoft.com/entra/identity/devices/troubleshoot-device-dsregcmd',
  },
  hybridJoin: {
    title: 'Configure Microsoft Entra hybrid join',
    url: 'https://learn.microsoft.com/entra/identity/devices/how-to-hybrid-join',
  },
  prt: {
    title: 'What is a Primary Refresh Token?',
    url: 'https://learn.microsoft.com/entra/identity/devices/concept-primary-refresh-token',
  },
  entraKerberosServer: {
    title: 'Create the Microsoft Entra Kerberos server object',
    url: 'https://learn.microsoft.com/entra/identity/authentication/howto-authentication-passwordless-security-key-on-premises',
  },
  helloFaq: {
    title: 'Windows Hello for Business FAQ',
    url: 'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/faq',
  },
  clockSkew: {
    title: 'Maximum tolerance for computer clock synchronization',
    url: 'https://learn.microsoft.com/windows/security/threat-protection/security-policy-settings/maximum-tolerance-for-computer-clock-synchronization',
  },
} satisfies Record<string, DocLink>;

export const ALLOWED_DOC_HOSTS = ['learn.microsoft.com', 'go.microsoft.com', 'support.microsoft.com'];
