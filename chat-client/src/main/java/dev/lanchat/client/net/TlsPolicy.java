package dev.lanchat.client.net;

/**
 * How a client trusts a TLS server: by a fingerprint given up front, or by the one pinned in the known-servers file
 * on the first connection. Immutable.
 *
 * @param fingerprint the expected fingerprint, or {@code null} to trust on first use
 */
public record TlsPolicy(KnownServers known, String fingerprint) {
}
