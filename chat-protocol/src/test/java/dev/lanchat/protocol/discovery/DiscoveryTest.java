package dev.lanchat.protocol.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void aHostLabelKeepsLettersDigitsAndSingleHyphens() {
        assertEquals("lab-pc-2", Discovery.hostLabel("Lab PC  #2!", "x"));
        assertEquals("a-b", Discovery.hostLabel("--a.b--", "x"));
    }

    @Test
    void aNameWithNothingUsableFallsBack() {
        assertEquals("lanchat", Discovery.hostLabel("ÉÉ ", "lanchat"));
    }

    @Test
    void aHostLabelIsAtMost63Characters() {
        assertEquals(63, Discovery.hostLabel("a".repeat(100), "x").length());
    }
}
