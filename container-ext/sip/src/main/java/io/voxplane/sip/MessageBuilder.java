package io.voxplane.sip;

import java.util.List;

/**
 * What {@link SipRequest.Builder} and {@link SipResponse.Builder} share: the header fields of
 * RFC 3261 s20 set through typed values (kept typed, so {@code build()} does not parse them
 * again) or raw, and the body with its derived Content-Length. Not thread-safe; one builder
 * builds one message at a time.
 *
 * @param <B> the concrete builder, returned by every method for chaining
 */
public abstract sealed class MessageBuilder<B extends MessageBuilder<B>> permits SipRequest.Builder, SipResponse.Builder {

    final HeaderEditor editor;

    MessageBuilder(HeaderEditor editor) {
        this.editor = editor;
    }

    abstract B self();

    /** Appends a Via at the bottom. */
    public B via(Via via) {
        editor.appendVia(via);
        return self();
    }

    /** Adds a Via on top (s16.6 step 8). */
    public B pushVia(Via via) {
        editor.pushVia(via);
        return self();
    }

    /** Removes the topmost Via value (s16.7 step 3). */
    public B removeTopVia() {
        editor.removeTopVia();
        return self();
    }

    /** Replaces all Via values. */
    public B vias(List<Via> vias) {
        editor.setAll(HeaderNames.VIA, vias);
        return self();
    }

    public B from(Address from) {
        editor.setTyped(HeaderNames.FROM, from);
        return self();
    }

    public B to(Address to) {
        editor.setTyped(HeaderNames.TO, to);
        return self();
    }

    public B callId(String callId) {
        editor.set(HeaderNames.CALL_ID, callId);
        return self();
    }

    public B cseq(CSeq cseq) {
        editor.setTyped(HeaderNames.CSEQ, cseq);
        return self();
    }

    public B maxForwards(int maxForwards) {
        if (maxForwards < 0 || maxForwards > 255) {
            throw new IllegalArgumentException("Max-Forwards out of range 0..255: " + maxForwards);
        }
        editor.set(HeaderNames.MAX_FORWARDS, Integer.toString(maxForwards));
        return self();
    }

    /** Adds a Contact value. */
    public B contact(Address contact) {
        editor.addGroupedTyped(HeaderNames.CONTACT, contact);
        return self();
    }

    /** Adds a Route value at the bottom. */
    public B route(Address route) {
        editor.addGrouped(HeaderNames.ROUTE, route.toString());
        return self();
    }

    /** Replaces all Route values. */
    public B routes(List<Address> routes) {
        editor.setAll(HeaderNames.ROUTE, routes);
        return self();
    }

    /** Adds a Record-Route value at the bottom. */
    public B recordRoute(Address recordRoute) {
        editor.addGrouped(HeaderNames.RECORD_ROUTE, recordRoute.toString());
        return self();
    }

    /** Replaces all Record-Route values. */
    public B recordRoutes(List<Address> recordRoutes) {
        editor.setAll(HeaderNames.RECORD_ROUTE, recordRoutes);
        return self();
    }

    /** Adds a raw header field. */
    public B header(String name, String value) {
        editor.add(name, value);
        return self();
    }

    /** Replaces all fields of that name with one. */
    public B setHeader(String name, String value) {
        editor.set(name, value);
        return self();
    }

    /** Removes all fields of that name (long and compact forms). */
    public B removeHeader(String name) {
        editor.remove(name);
        return self();
    }

    /** Sets the body and its Content-Type (null removes it); Content-Length is derived. */
    public B body(String contentType, byte[] body) {
        editor.body(contentType, body);
        return self();
    }

}
