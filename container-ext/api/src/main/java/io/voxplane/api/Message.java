package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler of MESSAGE requests (RFC 3428) in a {@link SipApplication} bean (after JSR 359's
 * {@code @Message}). Signature: {@code void m(SipRequest request)} or
 * {@code void m(SipRequest request, Call call)}; anything else fails the deployment (VXAPP-001).
 * One handler per method per app (VXAPP-003).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Message {
}
