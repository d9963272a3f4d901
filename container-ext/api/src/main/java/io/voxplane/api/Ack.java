package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler of the ACK for the app's 2xx (RFC 3261 s13.2.2.4), inside a dialog the app
 * created by answering an INVITE, in a {@link SipApplication} bean (after JSR 359's
 * {@code @Ack}). Signature: {@code void m(SipRequest request)} or
 * {@code void m(SipRequest request, Call call)}; anything else fails the deployment (VXAPP-001).
 * One handler per method per app (VXAPP-003).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Ack {
}
