package io.voxplane.api;

import java.util.List;
import java.util.Optional;

/** A SIP response handed to an app's response handler. Immutable view. */
public interface SipResponse {

    int status();

    String reason();

    /** The method of the request this answers (from CSeq). */
    String method();

    String callId();

    /** The first value of header {@code name} (case-insensitive). */
    Optional<String> header(String name);

    /** Every value of header {@code name}, in order. */
    List<String> headers(String name);

    /** The body (a copy); empty array when none. */
    byte[] body();
}
