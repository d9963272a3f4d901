/**
 * What SIP applications compile against, and nothing else: a CDI bean annotated
 * {@link io.voxplane.api.SipApplication} with handler methods ({@link io.voxplane.api.Invite},
 * {@link io.voxplane.api.Register}, ..., {@link io.voxplane.api.SuccessResponse}, ...) receiving
 * {@link io.voxplane.api.SipRequest} / {@link io.voxplane.api.SipResponse} and, optionally, the
 * {@link io.voxplane.api.Call}. Container services are injected beans:
 * {@link io.voxplane.api.Authentication}, {@link io.voxplane.api.Registrar}; apps provide a
 * {@link io.voxplane.api.UserDirectory}. The handler annotations follow JSR 359 (SIP Servlet 2.0).
 */
package io.voxplane.api;
