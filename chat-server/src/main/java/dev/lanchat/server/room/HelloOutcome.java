package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;

/** What became of a hello: the member it created, or the error the client was sent. */
public sealed interface HelloOutcome {

    /** The client is a member now and has been sent its welcome. */
    record Welcomed(Member member) implements HelloOutcome {
    }

    /**
     * The hello was refused and the client has been sent this error. Unless the code
     * {@linkplain ErrorCode#closesConnection() closes the connection}, the client may send another hello.
     */
    record Refused(ErrorCode code, String text) implements HelloOutcome {
    }
}
