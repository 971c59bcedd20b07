package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrangerBytesTest {

    private static long lengthOf(String firstFour) {
        byte[] b = firstFour.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    @Test
    void recognisesHttpTlsAndSsh() {
        assertTrue(StrangerBytes.describe(lengthOf("GET ")).contains("HTTP"));
        assertTrue(StrangerBytes.describe(lengthOf("POST")).contains("HTTP"));
        assertTrue(StrangerBytes.describe(lengthOf("\u0016\u0003\u0001\u0002")).contains("TLS"));
        assertTrue(StrangerBytes.describe(lengthOf("SSH-")).contains("SSH"));
    }

    @Test
    void saysNothingOfAnOrdinaryLength() {
        assertNull(StrangerBytes.describe(70_000));
    }
}
