package dev.lanchat.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secret keys the server keeps across restarts, such as the one that signs resume tokens. */
public final class Secrets {

    private static final int BYTES = 32;

    private Secrets() {
    }

    /** A fresh random key, for a server that keeps nothing on disk. */
    public static byte[] random() {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The key in {@code file}, made and saved (readable by its owner only) on first use. */
    public static byte[] kept(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length == BYTES) {
                return key;
            }
        }
        byte[] key = random();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.write(partial, key);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // The file keeps the platform's default protection.
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }
}
