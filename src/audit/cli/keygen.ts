import { generateCheckpointKeyPair } from '../checkpoint-signature.js';

/**
 * `npm run audit:keygen`: a new Ed25519 key pair for audit checkpoints. The gateway signs with
 * the private key; whoever verifies gets only the public key, and so cannot forge a checkpoint.
 */
const { privateKey, publicKey } = generateCheckpointKeyPair();
console.log(`Audit checkpoint key pair (Ed25519):

  Private key, for the gateway only (keep it in your secret store, never in the database):
    WARDEN_AUDIT_CHECKPOINT_KEY=${privateKey}

  Public key, for audit:verify (anyone may hold it; it cannot sign):
    WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS=${publicKey}

When you rotate, keep the old public key (or old secret) in WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS,
comma-separated, so the checkpoints it signed still verify.`);
