#!/usr/bin/env bash
# Reads a secret seed on stdin and prints the ES256 (P-256) signing key derived from it as PKCS#8 PEM. Every
# instance derives the same key from the same seed: SHA-256 of the seed is the private scalar, wrapped in a
# SEC1 ECPrivateKey (DER) that openssl completes and converts. (Off by one in 2^32 the digest is not below the
# curve order; openssl then refuses and the instance fails loudly at start, never silently.)
set -euo pipefail
scalar="$(tr -d '\n' | openssl dgst -sha256 -hex | awk '{print $NF}')"
perl -e 'print pack("H*", $ARGV[0])' "30310201010420${scalar}a00a06082a8648ce3d030107" \
  | openssl ec -inform DER -outform PEM 2>/dev/null \
  | openssl pkcs8 -topk8 -nocrypt
