package dev.lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LeaveReasonTest {

    @Test
    void knownReasonIsDescribedInWords() {
        assertEquals("connection lost", LeaveReason.describe("lost"));
        assertEquals(LeaveReason.SEND_QUEUE, LeaveReason.fromWireName("send-queue"));
    }

    @Test
    void unknownReasonFromANewerServerIsShownAsItIs() {
        assertEquals("abducted", LeaveReason.describe("abducted"));
        assertNull(LeaveReason.fromWireName("abducted"));
    }
}
