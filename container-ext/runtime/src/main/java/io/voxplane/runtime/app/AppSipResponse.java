package io.voxplane.runtime.app;

import io.voxplane.api.SipResponse;
import java.util.List;
import java.util.Optional;

/** The app API's view of a stack response. */
final class AppSipResponse implements SipResponse {

    private final io.voxplane.sip.SipResponse response;

    AppSipResponse(io.voxplane.sip.SipResponse response) {
        this.response = response;
    }

    @Override
    public int status() {
        return response.status();
    }

    @Override
    public String reason() {
        return response.reason();
    }

    @Override
    public String method() {
        return response.cseq().method();
    }

    @Override
    public String callId() {
        return response.callId();
    }

    @Override
    public Optional<String> header(String name) {
        return response.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return response.headerValues(name);
    }

    @Override
    public byte[] body() {
        return response.body().clone();
    }

    @Override
    public String toString() {
        return response.status() + " " + response.reason() + " (" + response.cseq() + ", " + response.callId() + ")";
    }
}
