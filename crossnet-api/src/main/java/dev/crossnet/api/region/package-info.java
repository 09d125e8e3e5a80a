/** Regions of the bedrock: boxes, masks and polygons, checked against the image they apply to. */
package dev.crossnet.api.region;
