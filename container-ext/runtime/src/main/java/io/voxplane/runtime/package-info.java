/**
 * The container binding of Voxplane: the CDI portable extension ({@link io.voxplane.runtime.VoxplaneExtension}),
 * the plane beans ({@code transport}, {@code signaling}), the local bus ({@code bus}, events in
 * {@code events}), task tracking over Jakarta Concurrency ({@code task}), MicroProfile Config
 * settings ({@code config}) and the seam for the SIP app model ({@code app}).
 *
 * <p>Plane packages never reference each other: they exchange the records of {@code events}
 * through {@link io.voxplane.runtime.bus.Bus}.
 */
package io.voxplane.runtime;
