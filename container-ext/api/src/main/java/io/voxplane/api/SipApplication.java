package io.voxplane.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a CDI bean class a SIP application: the container finds it at deployment, checks its
 * handler methods ({@link Invite}, {@link Register}, ..., {@link SuccessResponse}, ...) and routes
 * initial requests (outside any dialog) to it.
 *
 * <p>Routing: an app takes a request when the request's method is in {@link #methods()} (empty:
 * any method) and its Request-URI matches {@link #requestUri()} (a Java regex over the whole URI
 * as received, e.g. {@code sip:.*@example\.com}). Among the apps that take a request the one with
 * the highest {@link #priority()} wins. Two apps with the same methods, pattern and priority fail
 * the deployment (VXAPP-004). Each attribute can be overridden per app name with MicroProfile
 * Config: {@code voxplane.apps.<name>.methods} (comma separated), {@code voxplane.apps.<name>.request-uri},
 * {@code voxplane.apps.<name>.priority}.
 *
 * <p>An app that takes a request but has no handler for its method answers 405 with Allow
 * (a method RFC 3261 knows) or 501; a request no app takes gets the container's default answer
 * (OPTIONS 200, else 404/405/501).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SipApplication {

    /** The app's name, unique in the deployment (VXAPP-006), used in logs and configuration keys. */
    String name();

    /** Methods this app takes (upper case); empty for any method it may be sent. */
    String[] methods() default {};

    /** Regex the whole Request-URI must match; the default takes every URI. */
    String requestUri() default ".*";

    /** Higher wins when several apps take a request. */
    int priority() default 0;
}
