package dev.lanchat.server.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AdmissionsTest {

    private static InetAddress address(String text) throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    @Test
    void theTotalLimitIsEnforcedAndNamed() throws UnknownHostException {
        Admissions admissions = new Admissions(ConnectionLimits.DEFAULTS.withConnections(2, 10, 10));
        assertNotNull(admissions.admit(address("10.0.0.1")).ticket());
        assertNotNull(admissions.admit(address("10.0.0.2")).ticket());
        Admissions.Decision third = admissions.admit(address("10.0.0.3"));
        assertNull(third.ticket());
        assertEquals("the server is full: 2 connections is the limit", third.refusal());
        assertEquals(2, admissions.open());
    }

    @Test
    void thePerAddressLimitCountsLoopbackLikeAnyOtherAddress() throws UnknownHostException {
        Admissions admissions = new Admissions(ConnectionLimits.DEFAULTS.withConnections(100, 2, 100));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        admissions.admit(loopback);
        admissions.admit(loopback);
        Admissions.Decision third = admissions.admit(loopback);
        assertNull(third.ticket());
        assertTrue(third.refusal().contains("2 per address is the limit"), third.refusal());
        assertNotNull(admissions.admit(address("10.0.0.9")).ticket(), "another address is not affected");
    }

    @Test
    void releasingATicketFreesItsPlaceOnce() throws UnknownHostException {
        Admissions admissions = new Admissions(ConnectionLimits.DEFAULTS.withConnections(1, 1, 1));
        Admissions.Ticket ticket = admissions.admit(address("10.0.0.1")).ticket();
        ticket.release();
        ticket.release();
        assertEquals(0, admissions.open());
        assertEquals(0, admissions.handshaking());
        assertNotNull(admissions.admit(address("10.0.0.1")).ticket());
    }

    @Test
    void onlyConnectionsStillJoiningCountAgainstTheJoiningLimit() throws UnknownHostException {
        Admissions admissions = new Admissions(ConnectionLimits.DEFAULTS.withConnections(100, 100, 1));
        Admissions.Ticket first = admissions.admit(address("10.0.0.1")).ticket();
        Admissions.Decision blocked = admissions.admit(address("10.0.0.2"));
        assertNull(blocked.ticket());
        assertTrue(blocked.refusal().contains("joining at once"), blocked.refusal());
        first.joined();
        assertNotNull(admissions.admit(address("10.0.0.2")).ticket());
        first.release();
        assertEquals(1, admissions.open());
    }
}
