package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler of success (2xx) responses to requests this app proxied (after JSR 359's
 * {@code @SuccessResponse}). Signature: {@code void m(SipResponse response)} or
 * {@code void m(SipResponse response, Call call)}. The handler observes: the container has
 * already forwarded the response (RFC 3261 s16.7); see {@link Proxy} for which responses reach it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessResponse {
}
