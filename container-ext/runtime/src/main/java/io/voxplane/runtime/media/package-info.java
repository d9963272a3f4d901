/**
 * The media plane bean: RTP endpoints, offer/answer and media functions of the node's calls,
 * driven by bus events from signaling ({@link io.voxplane.runtime.events.OpenMedia} and friends).
 * It uses no other plane's classes.
 */
package io.voxplane.runtime.media;
