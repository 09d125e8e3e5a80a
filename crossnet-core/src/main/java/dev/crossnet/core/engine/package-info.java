/** DJL engine set-up: offline PyTorch from Maven Central's native jar. */
package dev.crossnet.core.engine;
