package dev.lanchat.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NicknameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada", "Ada_Lovelace", "r2-d2", "j.doe", "x", "ZoëÅström", "佐藤", "abcdefghijklmnopqrstuvwx"})
    void validNicknameIsAccepted(String raw) throws RuleViolation {
        assertEquals(raw, Nickname.of(raw).display());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | cannot be empty",
        "'abcdefghijklmnopqrstuvwxy' | is 25 characters long; the limit is 24",
        "'two words'                 | contains a space",
        "'semi;colon'                | contains ';' (U+003B)",
        "'emoji😀'                   | contains '😀' (U+1F600)",
    })
    void invalidNicknameIsRefusedNamingTheRule(String raw, String expected) {
        RuleViolation e = assertThrows(RuleViolation.class, () -> Nickname.of(raw));
        assertEquals(ErrorCode.NICK_INVALID, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void invisibleCharactersAreRefusedAndNotEchoedRaw() {
        RuleViolation escape = assertThrows(RuleViolation.class, () -> Nickname.of("ad\u001ba"));
        assertTrue(escape.getMessage().contains("invisible character U+001B"), escape.getMessage());
        assertTrue(escape.getMessage().chars().noneMatch(c -> c == 0x1b), "the raw escape must not be echoed");
        RuleViolation bidi = assertThrows(RuleViolation.class, () -> Nickname.of("ada\u202e"));
        assertTrue(bidi.getMessage().contains("U+202E"), bidi.getMessage());
        assertThrows(RuleViolation.class, () -> Nickname.of("zero\u200bwidth"));
    }

    @Test
    void surroundingWhitespaceIsTrimmed() throws RuleViolation {
        assertEquals("ada", Nickname.of("  ada ").display());
    }

    @Test
    void nicknamesDifferingInCaseOrCompatibilityFormCollide() throws RuleViolation {
        Nickname ada = Nickname.of("ada");
        assertTrue(ada.sameAs(Nickname.of("ADA")));
        assertTrue(ada.sameAs(Nickname.of("Ａｄａ")), "fullwidth letters fold to ASCII");
        assertTrue(Nickname.of("strasse").sameAs(Nickname.of("STRAßE")), "sharp s folds to ss");
        assertEquals(ada, Nickname.of("Ada"));
    }

    @ParameterizedTest
    @CsvSource({
        "paypal, раура1",   // Cyrillic р, а, у and the digit one: an all-Cyrillic look-alike
        "bob1, bobl",       // digit one and letter l
        "blll, bIll",       // capital I and letter l, before case folding
        "ROSE, R0SE",       // letter O and digit zero
        "ada, ａｄａ",       // fullwidth forms
    })
    void nicknamesThatLookAlikeCollide(String first, String second) throws RuleViolation {
        assertTrue(Nickname.of(first).sameAs(Nickname.of(second)), first + " should collide with " + second);
    }

    @Test
    void aNicknameMixingScriptsIsRefused() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> Nickname.of("pаypal")); // Cyrillic а
        assertTrue(e.getMessage().contains("mixes letters of different scripts"), e.getMessage());
        assertThrows(RuleViolation.class, () -> Nickname.of("Ωmega")); // Greek and Latin
    }

    @ParameterizedTest
    @ValueSource(strings = {"田中さん", "Ωμέγα", "Иван", "محمد", "ひらがなカタカナ漢字", "x86_64"})
    void nicknamesInOneScriptOrAUsualMixAreAccepted(String raw) throws RuleViolation {
        assertEquals(raw, Nickname.of(raw).display());
    }

    @Test
    void differentNicknamesDoNotCollide() throws RuleViolation {
        assertNotEquals(Nickname.of("ada"), Nickname.of("adam"));
    }

    @Test
    void composedAndDecomposedFormsAreTheSameNickname() throws RuleViolation {
        Nickname composed = Nickname.of("Zoë");
        Nickname decomposed = Nickname.of("Zoe\u0308");
        assertEquals(composed.display(), decomposed.display());
        assertTrue(composed.sameAs(decomposed));
    }
}
