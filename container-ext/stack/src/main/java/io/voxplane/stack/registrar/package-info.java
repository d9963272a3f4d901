/**
 * The registrar and location service (RFC 3261 s10.3, s16.5).
 *
 * <p>{@link io.voxplane.stack.registrar.Registrar} processes REGISTER and answers lookups;
 * registrations live in a {@link io.voxplane.stack.registrar.LocationStore} as small immutable
 * serializable values ({@link io.voxplane.stack.registrar.Registration},
 * {@link io.voxplane.stack.registrar.Binding}), changed only through one atomic
 * {@link io.voxplane.stack.registrar.RegistrationUpdate} per address-of-record, so a distributed
 * map can implement the store with entry processors or compare-and-replace.
 * {@link io.voxplane.stack.registrar.RegistrationSweeper} purges expired bindings on a
 * {@link io.voxplane.stack.timer.TimerService}; {@link io.voxplane.stack.registrar.RegistrarTransactionUser}
 * adds digest authentication and the ownership check for a standalone registrar
 * ({@link io.voxplane.stack.registrar.RegistrarEndpoint}). Error codes: {@code VXREG-001..009}
 * ({@link io.voxplane.stack.registrar.RegistrarException}).
 */
package io.voxplane.stack.registrar;
