/** Playout: the adaptive {@link io.voxplane.media.jitter.JitterBuffer} and its PCM-domain concealment. */
package io.voxplane.media.jitter;
