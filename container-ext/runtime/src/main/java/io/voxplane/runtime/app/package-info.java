/**
 * The seam for the SIP app model: {@link io.voxplane.runtime.app.RequestDispatcher} receives
 * each new server transaction from the signaling plane. Until apps are found and routed, the
 * default {@link io.voxplane.runtime.app.NoAppRequestDispatcher} answers as RFC 3261 says a node
 * without an application for a request must.
 */
package io.voxplane.runtime.app;
