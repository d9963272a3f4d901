package io.voxplane.stack.b2bua;

import io.voxplane.sip.SipRequest;

/**
 * The application side of a {@link B2bua}: picks the callee of each incoming INVITE. Called on a
 * transport thread, must not block; if it throws, the caller gets 500.
 */
@FunctionalInterface
public interface B2buaRouter {

    B2buaRoute route(SipRequest invite);
}
