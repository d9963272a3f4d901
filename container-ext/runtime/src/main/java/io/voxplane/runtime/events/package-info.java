/**
 * The events planes exchange over the bus: small immutable records carrying values (SIP
 * messages, flows, ids), each declaring its {@link io.voxplane.runtime.bus.Affinity}. Plane
 * packages depend on these records and on nothing of each other.
 */
package io.voxplane.runtime.events;
