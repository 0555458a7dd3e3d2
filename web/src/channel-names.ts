export const channelLabel: Record<string, string> = {
  connection_request: 'Connection request',
  message: 'Message',
  inmail: 'InMail',
  email: 'Email',
  phone: 'Phone',
  withdraw_invitation: 'Withdraw',
};

export function channelName(c: string): string {
  return channelLabel[c] ?? c;
}
