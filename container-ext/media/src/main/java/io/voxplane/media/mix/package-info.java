/** Conference mixing: each participant hears the saturated sum of the others. */
package io.voxplane.media.mix;
