/** Mono WAV files (16-bit PCM, G.711 A-law/mu-law) for prompts and recordings. */
package io.voxplane.media.wav;
