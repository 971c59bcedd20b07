package dev.lanchat.server.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server's TLS identity: a certificate and key given as PEM files, or a self-signed pair the server makes on
 * first run and keeps in its data directory, so clients that pinned it on first use recognise it after a restart.
 * The pair is made with the {@code keytool} of the running Java, so TLS needs no extra library.
 */
public final class ServerTls {

    private static final String ALIAS = "lanchat";
    /** The keystore is protected by its file permissions; PKCS#12 needs some password, and this is it. */
    private static final char[] STORE_PASSWORD = "lanchat".toCharArray();
    static final String KEYSTORE_FILE = "server.p12";

    private ServerTls() {
    }

    /** A ready TLS context and the SHA-256 fingerprint of its certificate, for people to compare. */
    public record Identity(SslContext context, String fingerprint, String origin) {
    }

    /** The identity in a PEM certificate chain and a PEM (PKCS#8) private key. */
    public static Identity fromPem(Path certificate, Path privateKey) throws IOException, GeneralSecurityException {
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(certificate)) {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(in).iterator().next();
        }
        SslContext context = SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile())
                .protocols("TLSv1.3", "TLSv1.2").build();
        return new Identity(context, fingerprint(leaf), certificate.toString());
    }

    /**
     * The server's own identity, kept in {@code directory}: made on first use (a 10-year self-signed EC P-256
     * certificate for {@code name}), read back on every later start.
     */
    public static Identity selfSigned(Path directory, String name) throws IOException, GeneralSecurityException {
        Path store = directory.resolve(KEYSTORE_FILE);
        if (!Files.exists(store)) {
            generate(directory, store, name);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, STORE_PASSWORD);
        SslContext context = SslContextBuilder.forServer(factory).protocols("TLSv1.3", "TLSv1.2").build();
        return new Identity(context, fingerprint((X509Certificate) keys.getCertificate(ALIAS)), store.toString());
    }

    /** {@code SHA256:} and the certificate's SHA-256 digest in colon-separated hex, as browsers show it. */
    public static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        StringBuilder text = new StringBuilder("SHA256:");
        for (int i = 0; i < digest.length; i++) {
            text.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", digest[i]));
        }
        return text.toString();
    }

    private static void generate(Path directory, Path store, String name) throws IOException {
        Files.createDirectories(directory);
        restrict(directory, "rwx------");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String commonName = name.replaceAll("[^A-Za-z0-9 ._-]", "_");
        Path partial = directory.resolve(KEYSTORE_FILE + ".new");
        Files.deleteIfExists(partial);
        List<String> command = List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=" + commonName + ", O=lanchat", "-storetype", "PKCS12", "-keystore", partial.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD), "-noprompt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make a certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        }
        restrict(partial, "rw-------");
        Files.move(partial, store);
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the file keeps the platform's default protection.
        }
    }
}
