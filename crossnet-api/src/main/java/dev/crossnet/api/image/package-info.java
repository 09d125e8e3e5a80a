/** Immutable pixel values that cross the API: pictures in, pictures out. */
package dev.crossnet.api.image;
