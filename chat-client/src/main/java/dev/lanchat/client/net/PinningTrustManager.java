package dev.lanchat.client.net;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server's certificate by its pinned fingerprint rather than by a certificate authority, as SSH trusts host
 * keys: a fingerprint given up front must match; otherwise the one recorded on the first connection must match; and
 * on a first connection, any certificate is accepted and remembered, to be recorded once the connection works. A
 * mismatch refuses the connection with a warning that names both fingerprints. Used by one connection at a time.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final String server;
    private final KnownServers known;
    private final String expected;
    private volatile String seen;
    private volatile boolean firstUse;

    /**
     * @param server   {@code host:port}, the key in the known-servers file
     * @param expected a fingerprint the user gave, or {@code null} to use the known-servers file
     */
    PinningTrustManager(String server, KnownServers known, String expected) {
        this.server = server;
        this.known = known;
        this.expected = expected;
    }

    /** The fingerprint of the certificate the server presented, once it has. */
    String seen() {
        return seen;
    }

    /** Whether this was the first connection to this server, so that the fingerprint should be recorded. */
    boolean firstUse() {
        return firstUse;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        String fingerprint = fingerprint(chain[0]);
        seen = fingerprint;
        String pinned;
        try {
            pinned = expected != null ? expected : known.get(server);
        } catch (IOException e) {
            throw new CertificateException("cannot read " + known.file() + ": " + e.getMessage(), e);
        }
        if (pinned == null) {
            firstUse = true;
            return;
        }
        if (!pinned.equals(fingerprint)) {
            throw new CertificateException("WARNING: the certificate of " + server + " is not the one "
                    + (expected != null ? "given with --fingerprint" : "seen before (" + known.file() + ")")
                    + ". Someone may be impersonating the server, or it has a new certificate.\n"
                    + "  expected: " + pinned + "\n"
                    + "  received: " + fingerprint + "\n"
                    + "If the server's owner confirms the new fingerprint, connect with --fingerprint "
                    + fingerprint);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not authenticate other clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** {@code SHA256:} and the certificate's SHA-256 digest in colon-separated hex, as the server prints it. */
    static String fingerprint(X509Certificate certificate) throws CertificateException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder text = new StringBuilder("SHA256:");
            for (int i = 0; i < digest.length; i++) {
                text.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", digest[i]));
            }
            return text.toString();
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e);
        }
    }
}
