package io.voxplane.runtime.app;

import java.lang.reflect.Method;

/**
 * One checked handler method of an app.
 *
 * @param kind      which annotation it carries
 * @param method    the method, made accessible
 * @param takesCall true when it has the optional second {@link io.voxplane.api.Call} parameter
 */
record AppHandler(HandlerKind kind, Method method, boolean takesCall) {
}
