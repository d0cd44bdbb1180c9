/**
 * The SSH algorithms the lab's SFTP server and client offer first: ones node:crypto runs natively
 * (AES-GCM/CTR, HMAC-SHA2, curve25519). ssh2 otherwise prefers ChaCha20-Poly1305, which without its
 * optional native addon (not built: install scripts are off) runs in JavaScript at a few MB/s.
 * Every OpenSSH server of the last decade offers these too.
 */
export const SSH_ALGORITHMS = {
  cipher: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes256-ctr'],
  hmac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'],
} as const;
