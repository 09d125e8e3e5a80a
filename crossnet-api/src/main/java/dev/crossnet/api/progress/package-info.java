/** Progress reporting and cooperative cancellation of long work. */
package dev.crossnet.api.progress;
