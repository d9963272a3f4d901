package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the handler of every request method the app has no specific handler for (after JSR 359's
 * {@code @AnyMethod}). Signature as for {@link Invite}. Without it, a method the app routes to but
 * does not handle is answered 405 with Allow (RFC 3261 s8.2.1), an unknown method 501.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyMethod {
}
