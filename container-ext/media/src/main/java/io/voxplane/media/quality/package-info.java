/** Call quality estimation: the ITU-T G.107 E-model with G.113 codec impairments. */
package io.voxplane.media.quality;
