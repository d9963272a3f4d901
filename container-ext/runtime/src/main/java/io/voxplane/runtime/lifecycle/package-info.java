/**
 * Phased shutdown of a Voxplane node (docs/operations.md): the {@link io.voxplane.runtime.lifecycle.ShutdownCoordinator}
 * takes the node through {@link io.voxplane.runtime.lifecycle.ShutdownPhase INITIATED, DRAINING,
 * TERMINATING and COMPLETED}; each running plane confirms each phase with a
 * {@link io.voxplane.runtime.lifecycle.PhaseConfirmed} event; the outcome is a
 * {@link io.voxplane.runtime.lifecycle.ShutdownReport}.
 *
 * <p>Two service provider interfaces plug other parts in: {@link io.voxplane.runtime.lifecycle.CallTerminator}
 * (the dialog layer ends every call) and {@link io.voxplane.runtime.lifecycle.DiscoveryRegistration}
 * (discovery providers withdraw the node).
 */
package io.voxplane.runtime.lifecycle;
