package dev.lanchat.protocol.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void anInstanceNameIsTheServerNameWithoutDotsOrControlCharacters() {
        assertEquals("Lab PC (2nd floor)", Discovery.instanceName("Lab PC (2nd floor)"));
        assertEquals("lab-example-com", Discovery.instanceName("lab.example.com"));
        assertEquals("ab", Discovery.instanceName("a\u0007b"));
        assertEquals("lanchat", Discovery.instanceName("__"));
    }

    @Test
    void anInstanceNameIsAtMost63BytesAndKeepsWholeCharacters() {
        assertEquals("é".repeat(31), Discovery.instanceName("é".repeat(64)));
        assertEquals("x".repeat(63), Discovery.instanceName("x".repeat(64)));
    }

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
