package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler of BYE requests (RFC 3261 s15) inside a dialog the app created by answering
 * an INVITE; the container has already answered the BYE 200 and ends the call after the handler,
 * in a {@link SipApplication} bean (after JSR 359's
 * {@code @Bye}). Signature: {@code void m(SipRequest request)} or
 * {@code void m(SipRequest request, Call call)}; anything else fails the deployment (VXAPP-001).
 * One handler per method per app (VXAPP-003).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Bye {
}
